package dev.lore.session;

import java.util.List;

/**
 * What update_session_context asks for; {@code null} leaves a part as it is. The summary, goals, plan and open
 * questions replace what was there; progress notes are appended.
 */
public record SessionChanges(String summary, List<String> goals, List<PlanStep> plan, List<String> progress,
        List<String> openQuestions) {

    boolean isEmpty() {
        return summary == null && goals == null && plan == null && progress == null && openQuestions == null;
    }
}
