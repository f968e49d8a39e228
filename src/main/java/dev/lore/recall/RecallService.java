package dev.lore.recall;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.identity.Caller;
import dev.lore.store.LearningStore;
import dev.lore.store.LearningStores;
import dev.lore.store.RecallPart;
import dev.lore.store.RecallRequest;

/**
 * The context an agent should start with, assembled from every learning store within a token budget, in the order the
 * stores declare (the user's profile, this session, what is remembered about the user, then what the namespace knows,
 * learned and decided that bears on the query). Each part takes whole items while they fit within its share of the
 * budget and what the parts before it left; a part with no room is left out. Private stores are read for the caller's
 * user only.
 */
@ApplicationScoped
public class RecallService {

    private final LearningStores stores;
    private final RecallSettings settings;

    RecallService(LearningStores stores, RecallSettings settings) {
        this.stores = stores;
        this.settings = settings;
    }

    /** @param query what the conversation is about, or {@code null} */
    public String context(Caller caller, String query, int maxTokens) {
        TokenBudget budget = new TokenBudget(maxTokens);
        List<String> parts = new ArrayList<>();
        String heading = "# What Lore knows for this conversation (user " + caller.userId() + ")";
        budget.take(heading + "\n");
        parts.add(heading);
        RecallRequest request = new RecallRequest(caller, query, settings.minSimilarity());
        for (LearningStore<?> store : stores.working()) {
            RecallPart part = store.recall(request);
            if (!part.isEmpty()) {
                take(parts, budget.share((int) (maxTokens * store.recallSlot().share())), part);
            }
        }
        return String.join("\n\n", parts) + "\n";
    }

    /** Adds a part with as many of its items as fit; nothing when not even the first one does. */
    private static void take(List<String> parts, TokenBudget budget, RecallPart part) {
        List<String> items = part.items();
        if (!budget.take("\n\n" + part.heading() + "\n" + items.get(0))) {
            return;
        }
        StringBuilder text = new StringBuilder(part.heading()).append('\n').append(items.get(0));
        for (String item : items.subList(1, items.size())) {
            if (!budget.take("\n" + item)) {
                break;
            }
            text.append('\n').append(item);
        }
        parts.add(text.toString());
    }
}
