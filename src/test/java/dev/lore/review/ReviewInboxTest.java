package dev.lore.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.identity.Caller;
import dev.lore.knowledge.LearningService;
import dev.lore.memory.MemoryService;
import dev.lore.store.Learned;
import dev.lore.store.LearningStores;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The review inbox: a proposal counts only once a person accepts it, as it is or edited; the same knowledge proposed
 * again counts on the waiting proposal; a rejected insight is not proposed again, even reworded; the agent that
 * proposed cannot accept; a decided proposal stays decided; a personal store's proposals are their user's alone.
 */
@QuarkusTest
class ReviewInboxTest {

    @Inject
    ReviewInbox inbox;

    @Inject
    LearningStores stores;

    @Inject
    LearningService learnings;

    @Inject
    MemoryService memories;

    @Inject
    ObjectMapper json;

    private static final Reviewer REVIEWER = Reviewer.anywhere(new Caller("rita", "lore review", "review",
            Caller.DEFAULT_NAMESPACE));

    private Learned propose(Caller caller, Proposer proposer, String store, Map<String, Object> knowledge) {
        List<Learned> outcomes = inbox.propose(caller, proposer, stores.check(store, json.valueToTree(knowledge)));
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private static Map<String, Object> learning(String title, String text) {
        return Map.of("title", title, "learning", text, "tags", List.of("ops"));
    }

    private int found(Caller caller, String query, String title) {
        return (int) learnings.search(caller, query, 10, List.of()).stream()
                .filter(hit -> hit.record().title.equals(title)).count();
    }

    @Test
    void aProposalCountsOnlyOnceAcceptedAndKeepsWhoProposedAndWhoAccepted() {
        Caller engineer = Namespaces.caller("eli", Namespaces.fresh());
        Learned proposed = propose(engineer, Proposer.extraction("ollama:llama3.1:8b", engineer), "knowledge",
                learning("Pin the base image", "Builds broke when the base image moved under us; pin it by digest."));

        assertThat(proposed.outcome()).isEqualTo(Learned.Outcome.PROPOSED);
        assertThat(found(engineer, "why did builds break with the base image", "Pin the base image")).isZero();
        assertThat(inbox.list(REVIEWER, Proposal.State.PENDING, engineer.namespace(), 10)).extracting(p -> p.id)
                .containsExactly(proposed.id());

        Proposal accepted = inbox.accept(REVIEWER, proposed.id(), null, "yes, we hit it twice");

        assertThat(accepted.state).isEqualTo(Proposal.State.ACCEPTED);
        assertThat(accepted.decidedBy).isEqualTo("rita (lore review)");
        assertThat(accepted.proposedBy).isEqualTo("extraction by ollama:llama3.1:8b");
        assertThat(accepted.reason).contains("conversation " + engineer.sessionId());
        assertThat(accepted.note).isEqualTo("yes, we hit it twice");
        assertThat(accepted.result).singleElement().satisfies(saved -> {
            assertThat(saved.store()).isEqualTo("knowledge");
            assertThat(saved.outcome()).isEqualTo(Learned.Outcome.CREATED);
            assertThat(learnings.find(saved.id()).orElseThrow().authorUserId).isEqualTo("eli");
        });
        assertThat(found(engineer, "why did builds break with the base image", "Pin the base image")).isOne();
        assertThat(inbox.list(REVIEWER, Proposal.State.PENDING, engineer.namespace(), 10)).isEmpty();
        assertThatThrownBy(() -> inbox.reject(REVIEWER, proposed.id(), null))
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("was accepted already, by rita");
    }

    @Test
    void theSameKnowledgeProposedAgainCountsOnTheWaitingProposal() {
        Caller engineer = Namespaces.caller("eli", Namespaces.fresh());
        Map<String, Object> knowledge = learning("Kafka lag alert", "Alert on consumer lag per partition, not per "
                + "topic: one stuck partition hides in the topic's average.");
        Learned first = propose(engineer, Proposer.agent(engineer, "saved through save_learning"), "knowledge",
                knowledge);
        Learned again = propose(engineer, Proposer.agent(engineer, "saved through save_learning"), "knowledge",
                knowledge);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.outcome()).isEqualTo(Learned.Outcome.PROPOSED);
        assertThat(inbox.show(REVIEWER, first.id()).timesProposed).isEqualTo(2);
    }

    @Test
    void aRejectedInsightIsNotProposedAgainEvenReworded() {
        Caller engineer = Namespaces.caller("eli", Namespaces.fresh());
        Learned proposed = propose(engineer, Proposer.extraction("ollama:llama3.1:8b", engineer), "knowledge",
                learning("Friday deploys", "Never deploy on a Friday afternoon!"));
        inbox.reject(REVIEWER, proposed.id(), "not a rule here");

        Learned reworded = propose(engineer, Proposer.extraction("ollama:llama3.1:8b", engineer), "knowledge",
                learning("Friday deploys", "Never deploy on Friday afternoons."));
        Learned other = propose(engineer, Proposer.extraction("ollama:llama3.1:8b", engineer), "knowledge",
                learning("Release notes", "Release notes are written by whoever merges the last pull request."));

        assertThat(reworded.outcome()).isEqualTo(Learned.Outcome.REJECTED_BEFORE);
        assertThat(reworded.id()).isEqualTo(proposed.id());
        assertThat(other.outcome()).isEqualTo(Learned.Outcome.PROPOSED);
        assertThat(inbox.list(REVIEWER, Proposal.State.PENDING, engineer.namespace(), 10)).extracting(p -> p.id)
                .containsExactly(other.id());
        assertThat(inbox.show(REVIEWER, proposed.id()).note).isEqualTo("not a rule here");
    }

    @Test
    void anEditIsCheckedWithTheStoresRulesAndSavedAsEdited() {
        Caller engineer = Namespaces.caller("eli", Namespaces.fresh());
        Learned proposed = propose(engineer, Proposer.extraction("ollama:llama3.1:8b", engineer), "knowledge",
                learning("Timeouts", "The payment API times out after 3 s."));

        assertThatThrownBy(() -> inbox.accept(REVIEWER, proposed.id(), json.valueToTree(Map.of("title", "",
                "learning", "x")), null)).isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("title");
        assertThat(inbox.show(REVIEWER, proposed.id()).pending()).as("a refused edit decides nothing").isTrue();

        Proposal accepted = inbox.accept(REVIEWER, proposed.id(), json.valueToTree(learning("Payment API timeouts",
                "The payment API times out after 5 s; retry once with the same idempotency key.")), null);

        assertThat(accepted.edited).isTrue();
        assertThat(accepted.knowledge.toString()).contains("idempotency key");
        assertThat(learnings.find(accepted.result.get(0).id()).orElseThrow().body).contains("after 5 s");
        assertThat(found(engineer, "how long before the payment API times out", "Timeouts")).isZero();
    }

    @Test
    void theAgentThatProposedCannotAcceptButAPersonCan() {
        Caller agent = new Caller("eli", "claude-code", "s1", Namespaces.fresh());
        Learned proposed = propose(agent, Proposer.agent(agent, "saved through save_learning"), "knowledge",
                learning("Feature flags", "Remove a feature flag within two sprints of its full rollout."));

        assertThatThrownBy(() -> inbox.accept(Reviewer.anywhere(new Caller("eli", "claude-code", "s2",
                agent.namespace())), proposed.id(), null, null)).isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("claude-code, which cannot accept its own proposal");
        assertThat(inbox.accept(Reviewer.anywhere(new Caller("eli", "lore review", "review", agent.namespace())),
                proposed.id(), null, null).state).isEqualTo(Proposal.State.ACCEPTED);
    }

    @Test
    void aReviewerLimitedToNamespacesSeesAndDecidesOnlyTheirs() {
        Caller engineer = Namespaces.caller("eve", Namespaces.fresh());
        Learned proposed = propose(engineer, Proposer.agent(engineer, "saved through save_learning"), "knowledge",
                learning("Canary size", "Canary releases take 5% of traffic for 30 minutes first."));
        String other = Namespaces.fresh();
        Reviewer elsewhere = new Reviewer(new Caller("rita", "claude-code", "r", other), Set.of(other));

        assertThat(inbox.list(elsewhere, Proposal.State.PENDING, null, 100)).extracting(p -> p.id)
                .doesNotContain(proposed.id());
        assertThat(inbox.list(elsewhere, Proposal.State.PENDING, engineer.namespace(), 100)).isEmpty();
        assertThatThrownBy(() -> inbox.reject(elsewhere, proposed.id(), null))
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("No proposal has the id");

        Reviewer there = new Reviewer(new Caller("rita", "claude-code", "r", other),
                Set.of(other, engineer.namespace()));
        assertThat(inbox.list(there, Proposal.State.PENDING, null, 100)).extracting(p -> p.id)
                .containsExactly(proposed.id());
        assertThat(inbox.reject(there, proposed.id(), null).state).isEqualTo(Proposal.State.REJECTED);
    }

    @Test
    void aPersonalStoresProposalsAreItsUsersAlone() {
        Caller alice = Namespaces.caller("alice-" + Namespaces.fresh(), Caller.DEFAULT_NAMESPACE);
        Learned proposed = propose(alice, Proposer.extraction("ollama:llama3.1:8b", alice), "memory",
                Map.of("memory", "Alice is allergic to peanuts."));
        Reviewer bob = Reviewer.anywhere(new Caller("bob", "lore review", "review", Caller.DEFAULT_NAMESPACE));

        assertThat(inbox.list(bob, Proposal.State.PENDING, null, 100)).extracting(p -> p.id)
                .doesNotContain(proposed.id());
        assertThatThrownBy(() -> inbox.accept(bob, proposed.id(), null, null))
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("No proposal has the id");

        Reviewer aliceReviewing = Reviewer.anywhere(new Caller(alice.userId(), "lore review", "review",
                Caller.DEFAULT_NAMESPACE));
        assertThat(inbox.list(aliceReviewing, Proposal.State.PENDING, null, 100)).extracting(p -> p.id)
                .contains(proposed.id());
        inbox.accept(aliceReviewing, proposed.id(), null, null);
        assertThat(memories.search(alice.userId(), "food allergies", 5)).extracting(found -> found.record().body)
                .contains("Alice is allergic to peanuts.");
    }
}
