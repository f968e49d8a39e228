package dev.lore.search.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresKeywordIndexTest {

    static final PostgresKeywordIndex.LexemeStatistics MILLION_ROWS = new PostgresKeywordIndex.LexemeStatistics(
            Map.of("go", 0.30, "support", 0.02, "group", 0.0015), 0.0005, 1_000_000, Instant.now());
    /** A namespace past the budget, which the search does not count further. */
    static final double LARGE_NAMESPACE = PostgresKeywordIndex.RANKED_ROWS + 1;

    @Test
    void theRarestWordsAreKeptWhileTheRowsToRankStayAffordable() {
        assertThat(PostgresKeywordIndex.affordable(List.of("go", "support", "lgbtq", "group"), MILLION_ROWS,
                LARGE_NAMESPACE))
                .containsExactly("lgbtq", "group");
    }

    @Test
    void whenEveryWordIsVeryCommonTheKeywordSideSitsOut() {
        assertThat(PostgresKeywordIndex.affordable(List.of("go", "support"), MILLION_ROWS, LARGE_NAMESPACE)).isEmpty();
    }

    @Test
    void anUnlistedWordCountsAsHalfAsCommonAsTheRarestListedOne() {
        PostgresKeywordIndex.LexemeStatistics common = new PostgresKeywordIndex.LexemeStatistics(
                Map.of("work", 0.2, "year", 0.003), 0.0028, 1_000_000, Instant.now());
        assertThat(PostgresKeywordIndex.affordable(List.of("year", "snapshot", "work"), common, LARGE_NAMESPACE))
                .as("1,400 rows for the unlisted word, then 3,000 more would pass the budget").containsExactly("snapshot");
    }

    @Test
    void aSmallOrUnanalysedTableKeepsEveryWord() {
        PostgresKeywordIndex.LexemeStatistics small = new PostgresKeywordIndex.LexemeStatistics(
                Map.of("go", 0.5), 0.01, 800, Instant.now());
        assertThat(PostgresKeywordIndex.affordable(List.of("go", "lgbtq"), small, LARGE_NAMESPACE))
                .containsExactlyInAnyOrder("go", "lgbtq");
        assertThat(PostgresKeywordIndex.affordable(List.of("go", "lgbtq"), PostgresKeywordIndex.LexemeStatistics.NONE,
                LARGE_NAMESPACE))
                .hasSize(2);
    }

    @Test
    void aSmallNamespaceInALargeStoreRanksTheWordsItHolds() {
        List<String> words = List.of("go", "support", "lgbtq", "group");
        assertThat(PostgresKeywordIndex.affordable(words, MILLION_ROWS, 800)).as("30% of 800 rows, and less")
                .containsExactlyInAnyOrder("go", "support", "lgbtq", "group");
        PostgresKeywordIndex.LexemeStatistics everywhere = new PostgresKeywordIndex.LexemeStatistics(
                Map.of("go", 0.9, "support", 0.5), 0.5, 1_000_000, Instant.now());
        assertThat(PostgresKeywordIndex.affordable(words, everywhere, 2_000))
                .as("1,000 rows for support, then 1,800 more would pass the budget")
                .containsExactly("lgbtq", "group", "support");
    }
}
