package dev.lore.session;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** A session's context as tools and resources show it; an unknown session has only its id. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SessionView(String sessionId, String userId, String summary, List<String> goals, List<PlanStep> plan,
        List<ProgressNote> progress, List<String> openQuestions, String createdAt, String updatedAt) implements Answer {

    public static SessionView of(SessionContext c) {
        return new SessionView(c.sessionId, c.userId, c.summary, c.goals, c.plan, c.progress, c.openQuestions,
                c.createdAt.toString(), c.updatedAt.toString());
    }

    static SessionView unknown(String sessionId, String userId) {
        return new SessionView(sessionId, userId, null, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /** The context as a compact text block. */
    @Override
    public String toText() {
        if (updatedAt == null) {
            return "No context recorded for session " + sessionId + " yet.";
        }
        StringBuilder text = new StringBuilder("Session ").append(sessionId).append(" (updated ").append(updatedAt)
                .append(")");
        if (summary != null) {
            text.append("\nSummary: ").append(summary);
        }
        if (!goals.isEmpty()) {
            text.append("\nGoals:");
            goals.forEach(g -> text.append("\n- ").append(g));
        }
        if (!plan.isEmpty()) {
            text.append("\nPlan:");
            plan.forEach(s -> text.append("\n- [").append(s.state()).append("] ").append(s.step()));
        }
        if (!progress.isEmpty()) {
            text.append("\nProgress:");
            progress.stream().skip(Math.max(0, progress.size() - 10))
                    .forEach(p -> text.append("\n- ").append(p.at()).append(": ").append(p.note()));
        }
        if (!openQuestions.isEmpty()) {
            text.append("\nOpen questions:");
            openQuestions.forEach(q -> text.append("\n- ").append(q));
        }
        return text.toString();
    }
}
