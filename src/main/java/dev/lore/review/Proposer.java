package dev.lore.review;

import dev.lore.identity.Caller;

/**
 * Who or what proposes knowledge, and why.
 *
 * @param name the agent's name, or the extraction's ("extraction by llama3.2")
 * @param agent whether an agent proposed it through a tool: such an agent may not accept its own proposal
 * @param reason why it is proposed, in a sentence a reviewer reads
 */
public record Proposer(String name, boolean agent, String reason) {

    /** An agent saving through a store's tools while the store asks for review. */
    public static Proposer agent(Caller caller, String reason) {
        return new Proposer(caller.agentId(), true, reason);
    }

    /** A model that read the caller's conversation. */
    public static Proposer extraction(String model, Caller caller) {
        return new Proposer("extraction by " + model, false,
                "Found by " + model + " in conversation " + caller.sessionId() + " with " + caller.agentId() + ".");
    }
}
