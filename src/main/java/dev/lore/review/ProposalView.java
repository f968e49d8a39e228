package dev.lore.review;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.store.Learned;

/** One proposal as a reviewer sees it: what it says, who proposed it, from where and why, and what was decided. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposalView(String id, String store, String namespace, String state, String proposedBy,
        String userId, String conversationId, String reason, JsonNode knowledge, int timesProposed, String createdAt,
        String decidedBy, String decidedAt, Boolean edited, String note, List<Learned> result) implements Answer {

    public static ProposalView of(Proposal proposal) {
        boolean decided = !proposal.pending();
        return new ProposalView(proposal.id, proposal.store, proposal.namespace, proposal.state.name().toLowerCase(),
                proposal.proposedBy, proposal.userId, proposal.conversationId, proposal.reason, proposal.knowledge,
                proposal.timesProposed, proposal.createdAt.toString(), decided ? proposal.decidedBy : null,
                decided ? proposal.decidedAt.toString() : null, decided ? proposal.edited : null, proposal.note,
                proposal.state == Proposal.State.ACCEPTED ? proposal.result : null);
    }

    /** The proposal's heading and what it says, as a list shows it. */
    String headline() {
        StringBuilder text = new StringBuilder("- **" + id + "** (" + store + ", namespace " + namespace + ", " + state
                + ") proposed by " + proposedBy + " on " + createdAt
                + (timesProposed > 1 ? ", " + timesProposed + " times" : "") + "\n");
        text.append(fields("  "));
        return text.toString();
    }

    /** What the proposal says, a line per field of its item. */
    private String fields(String indent) {
        StringBuilder text = new StringBuilder();
        knowledge.properties().forEach(field -> text.append(indent).append("- ").append(field.getKey()).append(": ")
                .append(field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString())
                .append('\n'));
        return text.toString();
    }

    @Override
    public String toText() {
        StringBuilder text = new StringBuilder("# Proposal " + id + " for " + store + " (" + state + ")\n\n");
        text.append(fields(""));
        text.append("\nProposed by ").append(proposedBy).append(" for ").append(userId).append(" in namespace ")
                .append(namespace).append(" on ").append(createdAt)
                .append(timesProposed > 1 ? " (" + timesProposed + " times)" : "").append(". ").append(reason)
                .append('\n');
        if (decidedBy != null) {
            text.append("\n").append(state.substring(0, 1).toUpperCase()).append(state.substring(1)).append(" by ")
                    .append(decidedBy).append(" on ").append(decidedAt)
                    .append(Boolean.TRUE.equals(edited) ? ", edited" : "")
                    .append(note == null ? "." : ": " + note).append('\n');
        }
        if (result != null && !result.isEmpty()) {
            result.forEach(learned -> text.append("- saved in ").append(learned.store()).append(" as ")
                    .append(learned.id()).append(" (").append(learned.outcome().name().toLowerCase()).append(")\n"));
        }
        return text.toString();
    }
}
