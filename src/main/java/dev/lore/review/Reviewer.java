package dev.lore.review;

import java.util.Set;

import dev.lore.identity.Caller;

/**
 * Who decides on proposals, and where: a token's reviewer sees the proposals of the token's namespaces only.
 *
 * @param caller the person or agent deciding
 * @param namespaces the namespaces whose proposals the reviewer sees; {@code null} for every one
 */
public record Reviewer(Caller caller, Set<String> namespaces) {

    /** A reviewer nobody's token limits: the person at the terminal, a local client. */
    public static Reviewer anywhere(Caller caller) {
        return new Reviewer(caller, null);
    }

    /** Whether the reviewer may see the proposal: one of their namespaces, and shared or their own. */
    boolean sees(Proposal proposal) {
        return (namespaces == null || namespaces.contains(proposal.namespace))
                && (proposal.ownerId == null || proposal.ownerId.equals(caller.userId()));
    }
}
