package dev.lore.decisions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import dev.lore.identity.Caller;
import dev.lore.search.IndexEntry;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchHit;
import dev.lore.search.SearchScope;
import dev.lore.search.Tags;
import dev.lore.search.TextVectors;
import io.quarkus.narayana.jta.QuarkusTransaction;

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

    /** A decision a search found, and why. */
    public record Found(Decision decision, SearchHit hit) {
    }

    public Decision log(Caller caller, NewDecision input) {
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
        TextVectors vectors = search.embed(decision.meaning());
        return QuarkusTransaction.requiringNew().call(() -> {
            decision.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            decisions.persist(decision);
            search.index(new IndexEntry(STORE, decision.id, decision.namespace, decision.agentId, decision.sessionId,
                    decision.meaning(), decision.tags, decision.createdAt), vectors);
            return decision;
        });
    }

    /** Records how a decision of the caller's namespace turned out; empty when there is no such decision. */
    public Optional<Decision> recordOutcome(Caller caller, String id, String outcome, Boolean success) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.inNamespace(id, caller.namespace()).map(d -> {
            d.outcome = outcome.strip();
            d.success = success;
            d.outcomeAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            d.outcomeBy = caller.userId();
            return d;
        }));
    }

    public Optional<Decision> find(String id) {
        return decisions.findByIdOptional(id);
    }

    public List<Found> search(String namespace, String query, int limit, String agentId, List<String> tags) {
        return SearchHit.withItems(search.search(new SearchScope(STORE, namespace, agentId, Tags.normalize(tags)),
                query, limit), decisions::findByIds, d -> d.id, Found::new);
    }

    public List<Decision> list(String namespace, String agentId, Instant since, int limit) {
        return decisions.since(namespace, agentId, since, limit);
    }
}
