package dev.lore.recall;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.lore.decisions.DecisionService;
import dev.lore.identity.Caller;
import dev.lore.knowledge.FoundLearning;
import dev.lore.knowledge.LearningService;
import dev.lore.memory.Memory;
import dev.lore.memory.MemoryService;
import dev.lore.profile.ProfileService;
import dev.lore.search.SearchHit;
import dev.lore.session.SessionService;
import dev.lore.session.SessionView;

/**
 * The context an agent should start with, assembled from every store within a token budget, always in the same
 * order: the user's profile, this session, what is remembered about the user, then what the namespace learned and
 * decided that bears on the query. Each part takes whole items while they fit; a part with no room is left out.
 * Private stores are read for the caller's user only. A learning or decision comes in only when it bears on the query:
 * it shares a word with it, or its meaning is close ({@code lore.recall.min-similarity}); a search ranks whatever
 * the namespace holds, and the nearest of unrelated items is still unrelated.
 */
@ApplicationScoped
public class RecallService {

    static final int MEMORIES = 8;
    static final int LEARNINGS = 5;
    static final int DECISIONS = 5;

    private final ProfileService profiles;
    private final SessionService sessions;
    private final MemoryService memories;
    private final LearningService learnings;
    private final DecisionService decisions;
    private final double minSimilarity;

    RecallService(ProfileService profiles, SessionService sessions, MemoryService memories, LearningService learnings,
            DecisionService decisions,
            @ConfigProperty(name = "lore.recall.min-similarity", defaultValue = "0.6") double minSimilarity) {
        this.profiles = profiles;
        this.sessions = sessions;
        this.memories = memories;
        this.learnings = learnings;
        this.decisions = decisions;
        this.minSimilarity = minSimilarity;
    }

    /** @param query what the conversation is about, or {@code null} */
    public String context(Caller caller, String query, int maxTokens) {
        TokenBudget budget = new TokenBudget(maxTokens);
        List<String> parts = new ArrayList<>();
        String heading = "# What Lore knows for this conversation (user " + caller.userId() + ")";
        budget.take(heading + "\n");
        parts.add(heading);

        part(parts, budget, "## The user", List.of(profiles.get(caller.userId()).describe()));
        sessions.get(caller.userId(), caller.sessionId()).ifPresent(context -> part(parts, budget, "## This session",
                List.of(SessionView.of(context).describe())));

        List<Memory> remembered = query == null ? memories.list(caller.userId(), null, MEMORIES)
                : memories.search(caller.userId(), query, MEMORIES).stream().map(MemoryService.Found::memory).toList();
        part(parts, budget, "## Remembered about " + caller.userId(), remembered.stream()
                .map(m -> "- " + m.body + " (" + m.createdAt.toString().substring(0, 10) + ")").toList());

        if (query != null) {
            List<FoundLearning> learned = learnings.search(caller, query, LEARNINGS, List.of());
            part(parts, budget, "## Team learnings relevant to \"" + query + "\"", learned.stream()
                    .filter(f -> bearsOnQuery(f.hit()))
                    .map(f -> "- " + f.learning().title + ": " + f.learning().body).toList());
            part(parts, budget, "## Decisions relevant to \"" + query + "\"",
                    decisions.search(caller.namespace(), query, DECISIONS, null, List.of()).stream()
                            .filter(f -> bearsOnQuery(f.hit()))
                            .map(f -> "- " + f.decision().decision + " (why: " + f.decision().reasoning
                                    + (f.decision().outcome == null ? "" : "; outcome: " + f.decision().outcome) + ")")
                            .toList());
        }
        return String.join("\n\n", parts) + "\n";
    }

    private boolean bearsOnQuery(SearchHit hit) {
        return !hit.matchedTerms().isEmpty() || hit.similarity() != null && hit.similarity() >= minSimilarity;
    }

    /** Adds a part with as many of its items as fit; nothing when not even the first one does. */
    private static void part(List<String> parts, TokenBudget budget, String heading, List<String> items) {
        if (items.isEmpty() || !budget.take("\n\n" + heading + "\n" + items.get(0))) {
            return;
        }
        StringBuilder part = new StringBuilder(heading).append('\n').append(items.get(0));
        for (String item : items.subList(1, items.size())) {
            if (!budget.take("\n" + item)) {
                break;
            }
            part.append('\n').append(item);
        }
        parts.add(part.toString());
    }
}
