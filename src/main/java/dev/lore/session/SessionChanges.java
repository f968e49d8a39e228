package dev.lore.session;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What an agent, or extraction, tells about where a session stands; {@code null} leaves a part as it is. The summary,
 * goals, plan and open questions replace what was there; progress notes are appended.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionChanges(
        @Size(max = SUMMARY_MAX) String summary,
        @Size(max = GOALS_MAX, message = "{lore.size.items}") List<@NotBlank @Size(max = LINE_MAX) String> goals,
        @Size(max = PLAN_MAX, message = "{lore.size.items}") List<@Valid PlanStep> plan,
        @Size(max = NOTES_MAX, message = "{lore.size.items}") List<@NotBlank @Size(max = NOTE_MAX) String> progress,
        @Size(max = QUESTIONS_MAX, message = "{lore.size.items}")
        List<@NotBlank @Size(max = LINE_MAX) String> openQuestions) {

    public static final int SUMMARY_MAX = 4000;
    public static final int GOALS_MAX = 20;
    public static final int PLAN_MAX = 50;
    public static final int NOTES_MAX = 20;
    public static final int QUESTIONS_MAX = 20;
    /** A goal, a plan step or an open question. */
    public static final int LINE_MAX = 500;
    public static final int NOTE_MAX = 1000;

    boolean isEmpty() {
        return summary == null && goals == null && plan == null && progress == null && openQuestions == null;
    }
}
