package dev.lore.review;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.identity.Caller;
import dev.lore.search.IndexEntry;
import dev.lore.search.MergingRecord;
import dev.lore.search.Saved;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchScope;
import dev.lore.storage.KeyedWrites;
import dev.lore.store.Learned;
import dev.lore.store.LearningStore;
import dev.lore.store.LearningStores;

/**
 * The review inbox: knowledge proposed for a store in {@code propose} mode waits here until a person accepts it (as it
 * is, or edited), then it is saved through the store's own rules like any other save, or rejects it. Proposing what
 * is already waiting counts once more on the waiting proposal; proposing what a person rejected (the same knowledge
 * by meaning, as search tells near-duplicates) is not proposed again. Proposals for a personal store (a profile,
 * memories) are their user's alone to see and decide.
 */
@ApplicationScoped
@ActivateRequestContext
public class ReviewInbox {

    /** Proposals are indexed per store, apart from the stores' own records, so that a new one is compared with them. */
    static final String INDEX_PREFIX = "proposal:";

    private final ProposalRepository proposals;
    private final LearningStores stores;
    private final SearchEngine search;
    private final KeyedWrites writes;
    private final ObjectMapper json;

    ReviewInbox(ProposalRepository proposals, LearningStores stores, SearchEngine search, KeyedWrites writes,
            ObjectMapper json) {
        this.proposals = proposals;
        this.stores = stores;
        this.search = search;
        this.writes = writes;
        this.json = json;
    }

    /**
     * Proposes an agent's save through a store's tools when the store asks for review of such saves
     * ({@code propose} without {@code agentic}); empty when the store saves it at once.
     */
    public Optional<Learned> proposeIfReviewed(Caller caller, String storeName, Object knowledge, String reason) {
        LearningStore<?> store = stores.named(storeName).orElseThrow();
        if (!stores.proposesToolSaves(store)) {
            return Optional.empty();
        }
        return Optional.of(propose(caller, Proposer.agent(caller, reason), store, List.of(knowledge)).get(0));
    }

    /** Proposes checked knowledge for its store, item by item, and says what became of each. */
    public List<Learned> propose(Caller caller, Proposer proposer, LearningStores.Checked<?> checked) {
        return propose(caller, proposer, checked.store(), checked.items());
    }

    private List<Learned> propose(Caller caller, Proposer proposer, LearningStore<?> store, List<?> items) {
        String owner = store.personal() ? caller.userId() : null;
        List<Learned> outcomes = new ArrayList<>();
        for (Object item : items) {
            JsonNode knowledge = json.valueToTree(item);
            String summary = summaryOf(knowledge);
            Saved<Proposal> saved = search.remember(scopeOf(store.name(), caller.namespace(), owner), summary,
                    new MergingRecord<>(proposals::findByIdOptional, write -> {
                        Proposal proposal = new Proposal();
                        proposal.store = store.name();
                        proposal.namespace = caller.namespace();
                        proposal.userId = caller.userId();
                        proposal.agentId = caller.agentId();
                        proposal.ownerId = owner;
                        proposal.proposedBy = proposer.name();
                        proposal.byAgent = proposer.agent();
                        proposal.conversationId = caller.sessionId();
                        proposal.reason = proposer.reason();
                        proposal.knowledge = knowledge;
                        proposal.summary = summary;
                        proposal.state = Proposal.State.PENDING;
                        proposal.timesProposed = 1;
                        proposal.createdAt = write.now();
                        proposal.updatedAt = write.now();
                        proposals.persist(proposal);
                        return proposal;
                    }, (proposal, write) -> {
                        if (proposal.pending()) {
                            proposal.timesProposed++;
                            proposal.updatedAt = write.now();
                        }
                        return false;
                    }, ReviewInbox::entryOf));
            Proposal proposal = saved.record();
            outcomes.add(new Learned(store.name(), proposal.id, switch (proposal.state) {
                case PENDING -> Learned.Outcome.PROPOSED;
                case REJECTED -> Learned.Outcome.REJECTED_BEFORE;
                case ACCEPTED -> Learned.Outcome.UNCHANGED;
            }));
        }
        return outcomes;
    }

    /**
     * The proposals in one state the reviewer may see, oldest first: those of the given namespace (every namespace
     * when {@code null}), shared ones and the reviewer's own personal ones.
     */
    public List<Proposal> list(Reviewer reviewer, Proposal.State state, String namespace, int limit) {
        if (namespace != null && reviewer.namespaces() != null && !reviewer.namespaces().contains(namespace)) {
            return List.of();
        }
        Set<String> namespaces = namespace != null ? Set.of(namespace) : reviewer.namespaces();
        return proposals.inState(state, reviewer.caller().userId(), namespaces, limit);
    }

    /** One proposal the reviewer may see. */
    public Proposal show(Reviewer reviewer, String id) {
        return proposals.findByIdOptional(id).filter(reviewer::sees)
                .orElseThrow(() -> new ReviewRefusedException("No proposal has the id " + id + "."));
    }

    /**
     * Accepts a waiting proposal, as it is or as the reviewer edited it (a whole knowledge item of the store's kind,
     * checked with the store's rules), and saves it through the store's own rules, by the user and agent it came from.
     *
     * @throws ReviewRefusedException when there is no such proposal, it was decided already, or the reviewer is the
     *         agent that proposed it
     * @throws jakarta.validation.ConstraintViolationException naming what the edited knowledge breaks
     */
    public Proposal accept(Reviewer reviewer, String id, JsonNode edited, String note) {
        Proposal proposal = waiting(reviewer, id);
        Caller decider = reviewer.caller();
        if (proposal.byAgent && proposal.proposedBy.equals(decider.agentId())
                && proposal.userId.equals(decider.userId())) {
            throw new ReviewRefusedException("Proposal " + id + " was made by " + proposal.proposedBy
                    + ", which cannot accept its own proposal: another agent or a person (lore review) decides it.");
        }
        JsonNode knowledge = edited == null ? proposal.knowledge : edited;
        LearningStores.Checked<?> checked = stores.check(proposal.store, knowledge);
        List<Learned> result = checked.save(new Caller(proposal.userId, proposal.agentId, proposal.conversationId,
                proposal.namespace));
        return decide(reviewer, id, Proposal.State.ACCEPTED, note, accepted -> {
            accepted.result = result;
            if (edited != null) {
                accepted.edited = true;
                accepted.knowledge = json.valueToTree(checked.items().get(0));
            }
        });
    }

    /** Rejects a waiting proposal: it stays, so that the same knowledge is not proposed again. */
    public Proposal reject(Reviewer reviewer, String id, String note) {
        waiting(reviewer, id);
        return decide(reviewer, id, Proposal.State.REJECTED, note, rejected -> {
        });
    }

    /** How many proposals wait, per store. */
    public Map<String, Long> waitingPerStore() {
        return proposals.pendingPerStore();
    }

    /**
     * The proposal as the store holds it now (read in a write of its own, not from what this request read before),
     * when the reviewer may see it and it still waits.
     */
    private Proposal waiting(Reviewer reviewer, String id) {
        return writes.run(keyOf(id), () -> waiting(reviewer, id, proposals.findByIdOptional(id)));
    }

    private static Proposal waiting(Reviewer reviewer, String id, Optional<Proposal> found) {
        Proposal proposal = found.filter(reviewer::sees)
                .orElseThrow(() -> new ReviewRefusedException("No proposal has the id " + id + "."));
        if (!proposal.pending()) {
            throw new ReviewRefusedException("Proposal " + id + " was " + proposal.state.name().toLowerCase()
                    + " already, by " + proposal.decidedBy + " on " + proposal.decidedAt + ".");
        }
        return proposal;
    }

    /** Records the decision, unless another reviewer decided the proposal in the meantime. */
    private Proposal decide(Reviewer reviewer, String id, Proposal.State state, String note,
            Consumer<Proposal> details) {
        return writes.run(keyOf(id), () -> {
            Proposal proposal = waiting(reviewer, id, proposals.findByIdOptional(id));
            proposal.state = state;
            proposal.decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            proposal.decidedBy = reviewer.caller().userId() + " (" + reviewer.caller().agentId() + ")";
            proposal.note = note == null || note.isBlank() ? null : note.strip();
            proposal.updatedAt = proposal.decidedAt;
            details.accept(proposal);
            return proposal;
        });
    }

    private static String keyOf(String proposalId) {
        return "review/" + proposalId;
    }

    /** What an item says, value by value, as a reviewer reads it and as a new proposal is compared with it. */
    static String summaryOf(JsonNode knowledge) {
        List<String> parts = new ArrayList<>();
        knowledge.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> values = new ArrayList<>();
                value.forEach(element -> values.add(element.isValueNode() ? element.asText() : element.toString()));
                if (!values.isEmpty()) {
                    parts.add(String.join(", ", values));
                }
            } else if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                parts.add(value.asText());
            } else if (value.isObject()) {
                parts.add(value.toString());
            }
        });
        return String.join("\n", parts);
    }

    static SearchScope scopeOf(String store, String namespace, String owner) {
        return new SearchScope(INDEX_PREFIX + store, namespace, owner, List.of());
    }

    private static IndexEntry entryOf(Proposal proposal) {
        return new IndexEntry(INDEX_PREFIX + proposal.store, proposal.id, proposal.namespace, proposal.ownerId,
                proposal.conversationId, proposal.summary, List.of(), IndexEntry.savedOnce(proposal.createdAt));
    }
}
