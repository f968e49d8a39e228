package dev.lore.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PassagesTest {

    @Test
    void eachSentenceIsAPassageUnderTheTextsHeading() {
        assertThat(Passages.of("Melanie\nWork was hectic. I play the violin to relax! Do you play too?\n8 May 2023"))
                .containsExactly("Melanie\nWork was hectic.", "Melanie\nI play the violin to relax!",
                        "Melanie\nDo you play too?", "Melanie\n8 May 2023");
    }

    @Test
    void aTextOfOneLineHasNoHeading() {
        assertThat(Passages.of("Cache the token. Refresh it an hour before it expires."))
                .containsExactly("Cache the token.", "Refresh it an hour before it expires.");
    }

    @Test
    void aTextOfOneSentenceHasNoPassages() {
        assertThat(Passages.of("Pool sizing\nKeep the pool at twice the cores.")).isEmpty();
        assertThat(Passages.of("Version 2.5 of the driver leaks connections")).isEmpty();
    }

    @Test
    void aLongTextGroupsNeighbouringSentencesIntoAtMostTheMaximum() {
        String text = "Notes\n" + String.join(" ", java.util.stream.IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "Sentence " + i + ".").toList());

        List<String> passages = Passages.of(text);

        assertThat(passages).hasSizeLessThanOrEqualTo(Passages.MAX).allMatch(p -> p.startsWith("Notes\n"));
        assertThat(passages.get(0)).isEqualTo("Notes\nSentence 1. Sentence 2. Sentence 3.");
        assertThat(String.join(" ", passages).replace("Notes\n", "")).isEqualTo(text.substring("Notes\n".length()));
    }
}
