package dev.lore.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.identity.Caller;
import dev.lore.search.Saved;
import dev.lore.search.ranking.SearchSettings;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;

/** Saving what a namespace already knows reinforces the learning instead of copying it. */
@QuarkusTest
class ReinforcementTest {

    @Inject
    LearningService learnings;

    @Inject
    SearchSettings settings;

    @Test
    void aRewordingReinforcesTheExistingLearning() {
        Caller first = Namespaces.caller("engineer-1", Namespaces.fresh());
        Caller second = new Caller("engineer-2", "cursor", "s2", first.namespace());
        Saved<Learning> original = learnings.save(first,
                new NewLearning("Egress", "We're trying to reduce our cloud egress costs", null, List.of("cloud")));

        Saved<Learning> again = learnings.save(second,
                new NewLearning("Egress", "We are trying to reduce our cloud egress costs.", null,
                        List.of("cost", "Cloud")));

        assertThat(again.created()).isFalse();
        assertThat(again.record().id).isEqualTo(original.record().id);
        Learning stored = learnings.find(original.record().id).orElseThrow();
        assertThat(stored.confirmations).isEqualTo(2);
        assertThat(stored.tags).containsExactly("cloud", "cost");
        assertThat(stored.lastConfirmedAt).isAfterOrEqualTo(stored.createdAt);
        assertThat(stored.body).as("the fuller wording wins").isEqualTo("We are trying to reduce our cloud egress costs.");
        assertThat(learnings.recent(first.namespace(), 10)).hasSize(1);
        assertThat(learnings.search(second, "cloud egress", 10, List.of("cost"))).hasSize(1);
    }

    @Test
    void searchWeighsALearningByItsConfirmations() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        NewLearning learning = new NewLearning("Egress", "We're trying to reduce our cloud egress costs", null, null);
        learnings.save(caller, learning);
        double savedOnce = learnings.search(caller, "cloud egress", 10, List.of()).get(0).hit().score();

        learnings.save(caller, learning);

        assertThat(learnings.search(caller, "cloud egress", 10, List.of()).get(0).hit().score())
                .as("the only hit scores the same but for its second confirmation")
                .isCloseTo(savedOnce * (1 + settings.confirmationWeight()), offset(1e-9));
    }

    @Test
    void aShorterRewordingKeepsTheFullerText() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        String full = "Flaky integration tests usually come from shared state between test cases";
        Saved<Learning> original = learnings.save(caller, new NewLearning("Flaky tests", full, null, null));
        learnings.save(caller, new NewLearning("Flaky tests", "Flaky integration tests usually come from shared state",
                null, null));
        assertThat(learnings.find(original.record().id).orElseThrow().body).isEqualTo(full);
    }

    @Test
    void aNearMissWithAnotherKeyWordStaysSeparate() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Egress", "We're trying to reduce our cloud egress costs", null, null));

        assertThat(learnings.save(caller, new NewLearning("Storage", "We're trying to reduce our cloud storage costs",
                null, null)).created()).isTrue();
        assertThat(learnings.save(caller, new NewLearning("Egress", "We're trying to increase our cloud egress costs",
                null, null)).created()).isTrue();
        assertThat(learnings.recent(caller.namespace(), 10)).hasSize(3);
    }

    @Test
    void differentNumbersAreDifferentLearnings() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Rate limit", "The public API allows 100 requests per second", null, null));
        assertThat(learnings.save(caller, new NewLearning("Rate limit", "The public API allows 500 requests per second",
                null, null)).created()).isTrue();
    }

    @Test
    void theSameLearningInAnotherNamespaceIsNotADuplicate() {
        Caller teamA = Namespaces.caller("ana", Namespaces.fresh());
        Caller teamB = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(teamA, new NewLearning("Egress", "We're trying to reduce our cloud egress costs", null, null));
        Saved<Learning> inB = learnings.save(teamB,
                new NewLearning("Egress", "We're trying to reduce our cloud egress costs", null, null));
        assertThat(inB.created()).isTrue();
        assertThat(learnings.recent(teamA.namespace(), 10)).singleElement()
                .satisfies(l -> assertThat(l.confirmations).isEqualTo(1));
    }
}
