package dev.lore.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.identity.Caller;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LearningServiceTest {

    @Inject
    LearningService learnings;

    @Test
    void aSavedLearningAnswersANaturalLanguageQuestion() {
        Caller engineer1 = Namespaces.caller("engineer-1", Namespaces.fresh());
        Caller engineer2 = new Caller("engineer-2", "other-agent", "later-session", engineer1.namespace());
        learnings.save(engineer1, new NewLearning("Cloud egress", "We're trying to reduce our cloud egress costs",
                null, List.of("cloud")));
        learnings.save(engineer1, new NewLearning("Lunch", "The canteen closes at two on Fridays", null, null));

        List<FoundLearning> found = learnings.search(engineer2,
                "What are the egress costs we worry about in the cloud?", 10, null);

        assertThat(found).extracting(f -> f.learning().title).containsExactly("Cloud egress");
        assertThat(found.get(0).matchedTerms()).contains("egress", "cloud", "costs");
        assertThat(found.get(0).learning().authorUserId).isEqualTo("engineer-1");
    }

    @Test
    void stemmedWordsMatchAndBetterMatchesRankFirst() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Office hours", "The office closes early on Fridays", null, null));
        learnings.save(caller, new NewLearning("Deploy freeze", "Deploying on Fridays broke production twice",
                null, null));

        List<FoundLearning> found = learnings.search(caller, "should I deploy on friday?", 10, null);

        assertThat(found).hasSize(2);
        assertThat(found.get(0).learning().title).isEqualTo("Deploy freeze");
        assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
    }

    @Test
    void namespacesDoNotLeak() {
        Caller teamA = Namespaces.caller("ana", Namespaces.fresh());
        Caller teamB = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(teamA, new NewLearning("Kafka", "Kafka consumer lag alarms fire at 10k messages", null, null));

        assertThat(learnings.search(teamB, "kafka consumer lag", 10, null)).isEmpty();
        assertThat(learnings.search(teamA, "kafka consumer lag", 10, null)).hasSize(1);
        assertThat(learnings.recent(teamB.namespace(), 10)).isEmpty();
    }

    @Test
    void tagsFilterResultsToLearningsCarryingAllOfThem() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("S3 costs", "S3 storage costs grow with versioning", null,
                List.of("AWS", "cost")));
        learnings.save(caller, new NewLearning("GCS costs", "GCS storage costs grow with retention", null,
                List.of("gcp", "cost")));

        assertThat(learnings.search(caller, "storage costs", 10, List.of("cost"))).hasSize(2);
        assertThat(learnings.search(caller, "storage costs", 10, List.of("aws", "cost")))
                .extracting(f -> f.learning().title).containsExactly("S3 costs");
        assertThat(learnings.search(caller, "storage costs", 10, List.of("azure"))).isEmpty();
    }

    @Test
    void tagsAreStoredNormalised() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        Learning saved = learnings.save(caller, new NewLearning("t", "text", null, List.of(" AWS ", "aws", "Cost")));
        assertThat(learnings.find(saved.id)).get().extracting(l -> l.tags).isEqualTo(List.of("aws", "cost"));
    }

    @Test
    void aQueryOfOnlyStopWordsFindsNothingAndDoesNotFail() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Anything", "What is this about?", null, null));
        assertThat(learnings.search(caller, "what is it?", 10, null)).isEmpty();
    }

    @Test
    void queryTextIsNeverReadAsQuerySyntax() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Quotes", "Escaping \"quotes\" OR NOT operators in full text", null,
                null));
        assertThat(learnings.search(caller, "\"quotes\" OR NOT (operators) * : ^ -escaping", 10, null)).hasSize(1);
    }

    @Test
    void limitCapsTheResults() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        for (int i = 0; i < 5; i++) {
            learnings.save(caller, new NewLearning("Retry " + i, "Retry the flaky integration test " + i, null, null));
        }
        assertThat(learnings.search(caller, "flaky integration test", 3, null)).hasSize(3);
    }

    @Test
    void recentListsNewestFirst() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        for (int i = 0; i < 3; i++) {
            learnings.save(caller, new NewLearning("L" + i, "learning " + i, null, null));
        }
        assertThat(learnings.recent(caller.namespace(), 2)).extracting(l -> l.title).containsExactly("L2", "L1");
    }

    @Test
    void concurrentSavesAllLand() throws Exception {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Learning>> saves = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                saves.add(pool.submit(() -> learnings.save(caller,
                        new NewLearning("Parallel " + n, "parallel write number " + n + " zebra", null, null))));
            }
            for (Future<Learning> save : saves) {
                assertThat(save.get().id).isNotNull();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(learnings.recent(caller.namespace(), 100)).hasSize(80);
        assertThat(learnings.search(caller, "zebra", 50, null)).hasSize(50);
    }
}
