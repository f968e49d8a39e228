package dev.lore.search.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTermsTest {

    @Test
    void questionWordsAndAuxiliariesAreDropped() {
        assertThat(QueryTerms.of("What did we decide about the egress costs, and when?").words())
                .containsExactly("decide", "egress", "costs");
    }

    @Test
    void wordsAreLowerCasedOnceAndNumbersKept() {
        assertThat(QueryTerms.of("Kafka kafka KAFKA lag 7 x").words()).containsExactly("kafka", "lag", "7");
    }

    @Test
    void fts5QueryQuotesEveryWordSoNoneIsSyntax() {
        assertThat(QueryTerms.of("NEAR(cloud egress) OR AND*").asFts5AnyOf())
                .isEqualTo("\"near\" OR \"cloud\" OR \"egress\"");
    }

    @Test
    void aQuestionOfStopWordsHasNoTerms() {
        assertThat(QueryTerms.of("what is it?").isEmpty()).isTrue();
    }
}
