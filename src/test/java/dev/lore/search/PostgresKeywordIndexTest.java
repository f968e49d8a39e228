package dev.lore.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresKeywordIndexTest {

    static final PostgresKeywordIndex.LexemeStatistics MILLION_ROWS = new PostgresKeywordIndex.LexemeStatistics(
            Map.of("go", 0.30, "support", 0.02, "group", 0.004), 0.0005, 1_000_000, Instant.now());

    @Test
    void theRarestWordsAreKeptWhileTheRowsToRankStayAffordable() {
        assertThat(PostgresKeywordIndex.affordable(List.of("go", "support", "lgbtq", "group"), MILLION_ROWS))
                .containsExactly("lgbtq", "group");
    }

    @Test
    void whenEveryWordIsVeryCommonTheKeywordSideSitsOut() {
        assertThat(PostgresKeywordIndex.affordable(List.of("go", "support"), MILLION_ROWS)).isEmpty();
    }

    @Test
    void aSmallOrUnanalysedTableKeepsEveryWord() {
        PostgresKeywordIndex.LexemeStatistics small = new PostgresKeywordIndex.LexemeStatistics(
                Map.of("go", 0.5), 0.01, 800, Instant.now());
        assertThat(PostgresKeywordIndex.affordable(List.of("go", "lgbtq"), small)).containsExactlyInAnyOrder("go", "lgbtq");
        assertThat(PostgresKeywordIndex.affordable(List.of("go", "lgbtq"), PostgresKeywordIndex.LexemeStatistics.NONE))
                .hasSize(2);
    }
}
