package dev.lore.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.identity.Caller;
import dev.lore.search.Found;
import dev.lore.search.Saved;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LearningServiceTest {

    @Inject
    LearningService learnings;

    @Test
    void aSavedLearningAnswersANaturalLanguageQuestionFromAnotherUser() {
        Caller engineer1 = Namespaces.caller("engineer-1", Namespaces.fresh());
        Caller engineer2 = new Caller("engineer-2", "other-agent", "later-session", engineer1.namespace());
        learnings.save(engineer1, new NewLearning("Cloud egress", "We're trying to reduce our cloud egress costs",
                null, List.of("cloud")));
        learnings.save(engineer1, new NewLearning("Lunch", "The canteen closes at two on Fridays", null, null));

        List<Found<Learning>> found = learnings.search(engineer2,
                "I'm picking a cloud provider for a data pipeline. Key considerations?", 10, null);

        assertThat(found.get(0).record().title).isEqualTo("Cloud egress");
        assertThat(found.get(0).hit().matchedTerms()).contains("cloud");
        assertThat(found.get(0).record().authorUserId).isEqualTo("engineer-1");
        assertThat(found.get(0).hit().score()).isGreaterThan(found.get(1).hit().score());
    }

    @Test
    void aQuestionSharingNoWordWithTheLearningFindsItByMeaning() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Egress", "We're trying to reduce our cloud egress costs", null, null));
        learnings.save(caller, new NewLearning("Flaky tests", "Flaky integration tests usually come from shared "
                + "state between test cases", null, null));
        learnings.save(caller, new NewLearning("Timezones", "Use UTC for every timestamp stored in the database",
                null, null));

        Found<Learning> best = learnings.search(caller, "how do we cut our cloud bandwidth bill", 10, null).get(0);
        assertThat(best.record().title).isEqualTo("Egress");

        Found<Learning> noCommonWord = learnings.search(caller, "why do some checks pass locally yet fail "
                + "intermittently on CI?", 10, null).get(0);
        assertThat(noCommonWord.record().title).isEqualTo("Flaky tests");
        assertThat(noCommonWord.hit().matchedTerms()).isEmpty();
        assertThat(noCommonWord.hit().similarity()).isGreaterThan(0.5);
    }

    @Test
    void aLearningIsFoundByTheVeryNextSearch() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        for (int i = 0; i < 3; i++) {
            String title = "Step " + i;
            learnings.save(caller, new NewLearning(title, "Release checklist item " + i + ": " + List.of(
                    "bump the version", "tag the commit", "publish the changelog").get(i), null, null));
            assertThat(learnings.search(caller, List.of("version bump", "git tag", "changelog").get(i), 1, null))
                    .extracting(f -> f.record().title).containsExactly(title);
        }
    }

    @Test
    void betterMatchesRankFirst() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Office hours", "The office closes early on Fridays", null, null));
        learnings.save(caller, new NewLearning("Deploy freeze", "Deploying on Fridays broke production twice",
                null, null));

        List<Found<Learning>> found = learnings.search(caller, "should I deploy on friday?", 10, null);

        assertThat(found).extracting(f -> f.record().title).containsExactly("Deploy freeze", "Office hours");
        assertThat(found.get(0).hit().score()).isGreaterThan(found.get(1).hit().score());
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
                .extracting(f -> f.record().title).containsExactly("S3 costs");
        assertThat(learnings.search(caller, "storage costs", 10, List.of("azure"))).isEmpty();
    }

    @Test
    void tagsAreStoredNormalised() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        Saved<Learning> saved = learnings.save(caller,
                new NewLearning("t", "text", null, List.of(" AWS ", "aws", "Cost")));
        assertThat(learnings.find(saved.record().id)).get().extracting(l -> l.tags).isEqualTo(List.of("aws", "cost"));
    }

    @Test
    void aQueryOfOnlyStopWordsStillSearchesByMeaning() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Anything", "What is this about?", null, null));
        assertThat(learnings.search(caller, "what is it about?", 10, null))
                .singleElement().satisfies(f -> assertThat(f.hit().matchedTerms()).isEmpty());
    }

    @Test
    void queryTextIsNeverReadAsQuerySyntax() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        learnings.save(caller, new NewLearning("Quotes", "Escaping \"quotes\" OR NOT operators in full text", null,
                null));
        assertThat(learnings.search(caller, "\"quotes\" OR NOT (operators) * : ^ -escaping", 10, null))
                .singleElement().satisfies(f -> assertThat(f.hit().matchedTerms()).contains("quotes", "operators"));
    }

    @Test
    void limitCapsTheResults() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        for (String topic : List.of("the payment service", "the search index", "the login page", "the mobile app",
                "the billing job")) {
            learnings.save(caller, new NewLearning("Flaky " + topic, "The integration test of " + topic
                    + " is flaky", null, null));
        }
        assertThat(learnings.search(caller, "flaky integration test", 3, null)).hasSize(3);
    }

    @Test
    void recentListsNewestFirst() {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        for (String fact : List.of("Backups run at midnight", "Deploys need two approvals", "Logs live in Loki")) {
            learnings.save(caller, new NewLearning(fact, fact, null, null));
        }
        assertThat(learnings.recent(caller.namespace(), 2)).extracting(l -> l.title)
                .containsExactly("Logs live in Loki", "Deploys need two approvals");
    }

    @Test
    void concurrentSavesAllLand() throws Exception {
        Caller caller = Namespaces.caller("ana", Namespaces.fresh());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Saved<Learning>>> saves = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                saves.add(pool.submit(() -> learnings.save(caller,
                        new NewLearning("Parallel " + n, "Parallel write number " + n + " about zebras", null, null))));
            }
            for (Future<Saved<Learning>> save : saves) {
                assertThat(save.get().created()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(learnings.recent(caller.namespace(), 100)).hasSize(40);
        assertThat(learnings.search(caller, "zebras", 50, null)).hasSize(40);
    }

    @Test
    void theSameLearningSavedAtOnceIsKeptOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                Caller caller = Namespaces.caller("ana", Namespaces.fresh());
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<Saved<Learning>>> saves = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    saves.add(pool.submit(() -> {
                        start.await();
                        return learnings.save(caller, new NewLearning("Deploys", "Deploys need two approvals", null, null));
                    }));
                }
                for (Future<Saved<Learning>> save : saves) {
                    save.get();
                }
                assertThat(learnings.recent(caller.namespace(), 10)).as("round " + round).hasSize(1);
            }
        } finally {
            pool.shutdown();
        }
    }
}
