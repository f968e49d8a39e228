package dev.lore.decisions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.validation.Valid;

import dev.lore.identity.Caller;
import dev.lore.search.Found;
import dev.lore.search.IndexEntry;
import dev.lore.search.NewRecord;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchScope;
import dev.lore.store.Tags;

/**
 * Decision Log: decisions are logged by an agent in a namespace and readable by everyone in it. In the search
 * index a decision belongs to its agent, so a search can keep to one agent's decisions.
 */
@ApplicationScoped
@ActivateRequestContext
public class DecisionService {

    static final String STORE = "decisions";

    private final DecisionRepository decisions;
    private final SearchEngine search;

    DecisionService(DecisionRepository decisions, SearchEngine search) {
        this.decisions = decisions;
        this.search = search;
    }

    public Decision log(Caller caller, @Valid NewDecision input) {
        Decision decision = new Decision();
        decision.namespace = caller.namespace();
        decision.agentId = caller.agentId();
        decision.userId = caller.userId();
        decision.sessionId = caller.sessionId();
        decision.decision = input.decision().strip();
        decision.reasoning = input.reasoning().strip();
        decision.alternatives = input.alternatives() == null ? List.of()
                : input.alternatives().stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        decision.context = input.context() == null || input.context().isBlank() ? null : input.context().strip();
        decision.tags = Tags.normalize(input.tags());
        decision.confidence = input.confidence();
        return search.add(scope(caller.namespace(), caller.agentId(), List.of()), decision.meaning(),
                new NewRecord<>(write -> {
                    decision.createdAt = write.now();
                    decisions.persist(decision);
                    return decision;
                }, DecisionService::entryOf));
    }

    /** Records how a decision of the caller's namespace turned out; empty when there is no such decision. */
    public Optional<Decision> recordOutcome(Caller caller, String id, String outcome, Boolean success) {
        return search.write(scope(caller.namespace(), null, List.of()),
                write -> decisions.inNamespace(id, caller.namespace()).map(d -> {
                    d.outcome = outcome.strip();
                    d.success = success;
                    d.outcomeAt = write.now();
                    d.outcomeBy = caller.userId();
                    return d;
                }));
    }

    public Optional<Decision> find(String id) {
        return decisions.findByIdOptional(id);
    }

    public List<Found<Decision>> search(String namespace, String query, int limit, String agentId, List<String> tags) {
        return Found.of(search.search(scope(namespace, agentId, Tags.normalize(tags)), query, limit),
                decisions::withIds, d -> d.id);
    }

    public List<Decision> list(String namespace, String agentId, Instant since, int limit) {
        return decisions.since(namespace, agentId, since, limit);
    }

    /** What search keeps of a decision. */
    static IndexEntry entryOf(Decision decision) {
        return new IndexEntry(STORE, decision.id, decision.namespace, decision.agentId, decision.sessionId,
                decision.meaning(), decision.tags, IndexEntry.savedOnce(decision.createdAt));
    }

    /** In the search index a decision belongs to its agent, so a search can keep to one agent's decisions. */
    static SearchScope scope(String namespace, String agentId, List<String> tags) {
        return new SearchScope(STORE, namespace, agentId, tags);
    }
}
