package dev.lore.review;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** The proposals list_proposals found, oldest first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProposalList(String state, int count, List<ProposalView> proposals) implements Answer {

    static ProposalList of(String state, List<Proposal> proposals) {
        return new ProposalList(state, proposals.size(), proposals.stream().map(ProposalView::of).toList());
    }

    @Override
    public String toText() {
        if (proposals.isEmpty()) {
            return "No proposal is " + state + ".";
        }
        StringBuilder text = new StringBuilder(count + " proposal" + (count == 1 ? "" : "s") + " " + state
                + ", oldest first:\n");
        proposals.forEach(proposal -> text.append(proposal.headline()));
        return text.toString();
    }
}
