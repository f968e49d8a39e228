package dev.lore.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One step of a session's plan and where it stands: {@code todo}, {@code doing} or {@code done}. */
public record PlanStep(
        @NotBlank @Size(max = SessionChanges.LINE_MAX) String step,
        @NotBlank @Pattern(regexp = "todo|doing|done", message = "{lore.plan-state}") String state) {
}
