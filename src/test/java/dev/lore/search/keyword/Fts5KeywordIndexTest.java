package dev.lore.search.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class Fts5KeywordIndexTest {

    @Test
    void wordsTheIndexStemsAlikeAreOneTermTheFirstWordKept() {
        assertThat(Fts5KeywordIndex.distinctTerms(List.of("painting", "sunrise", "painted", "paints")))
                .containsExactly("painting", "sunrise");
    }

    @Test
    void aWordWithADiacriticIsTheTermOfTheWordWithout() {
        assertThat(Fts5KeywordIndex.distinctTerms(List.of("café", "cafes", "naïve"))).containsExactly("café", "naïve");
    }

    @Test
    void wordsOfOneRootButTwoStemsStayApart() {
        assertThat(Fts5KeywordIndex.distinctTerms(List.of("run", "runner"))).containsExactly("run", "runner");
    }
}
