package dev.lore.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    static String claudeCodeTranscript() throws IOException {
        try (InputStream in = TranscriptTest.class.getResourceAsStream("/capture/claude-code-transcript.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aClaudeCodeTranscriptGivesWhatTheUserAndTheAssistantSaid() throws IOException {
        Transcript transcript = Transcript.read(claudeCodeTranscript());

        assertThat(transcript.conversationId()).isEqualTo("5c1f7a2e-93b4-4d0a-8e61-2f0c9d7b4a11");
        assertThat(transcript.turns()).extracting(CapturedTurn::key)
                .as("meta lines, command echoes, tool calls and results, sub-agents and system lines are left out")
                .containsExactly("u-0003", "a-0001", "a-0003", "u-0005", "a-0004");
        assertThat(transcript.turns()).extracting(CapturedTurn::position).containsExactly(0, 1, 2, 3, 4);
        CapturedTurn first = transcript.turns().get(0);
        assertThat(first.role()).isEqualTo("user");
        assertThat(first.text()).startsWith("The checkout service times out under load since Friday.");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-12-01T09:15:10.512Z"));
        assertThat(transcript.turns().get(1).role()).isEqualTo("assistant");
        assertThat(transcript.turns().get(1).text()).contains("HikariCP");
    }

    @Test
    void secretsAreRedactedAsTheTranscriptIsRead() throws IOException {
        String said = Transcript.read(claudeCodeTranscript()).turns().get(3).text();

        assertThat(said).doesNotContain("sk-ant").doesNotContain("Xq7vR2mK9pL4")
                .contains("ANTHROPIC_API_KEY=[redacted: Anthropic key]")
                .contains("remember I prefer small pull requests");
    }

    @Test
    void plainMessagesAreReadAsAJsonArrayOrOneObjectALine() {
        String array = """
                [{"role": "system", "content": "You are helpful."},
                 {"role": "user", "content": "Hi! I'm Alice, I work at Acme.", "timestamp": "2026-12-07T10:15:00+01:00"},
                 {"role": "assistant", "content": [{"type": "text", "text": "Nice to meet you, Alice."}],
                  "timestamp": 1796635000},
                 {"role": "tool", "content": "{}"}]""";
        Transcript fromArray = Transcript.read(array);

        assertThat(fromArray.conversationId()).isNull();
        assertThat(fromArray.turns()).extracting(CapturedTurn::role).containsExactly("user", "assistant");
        assertThat(fromArray.turns().get(0).occurredAt()).isEqualTo(Instant.parse("2026-12-07T09:15:00Z"));
        assertThat(fromArray.turns().get(1).occurredAt()).isEqualTo(Instant.ofEpochSecond(1796635000));
        assertThat(fromArray.turns().get(1).text()).isEqualTo("Nice to meet you, Alice.");

        Transcript fromLines = Transcript.read("""
                {"role": "user", "content": "Hi! I'm Alice, I work at Acme.", "timestamp": "2026-12-07T10:15:00+01:00"}
                {"role": "assistant", "content": "Nice to meet you, Alice.", "timestamp": 1796635000000}
                """);
        assertThat(fromLines.turns()).extracting(CapturedTurn::text)
                .containsExactly("Hi! I'm Alice, I work at Acme.", "Nice to meet you, Alice.");
        assertThat(fromLines.turns().get(1).occurredAt()).as("milliseconds")
                .isEqualTo(Instant.ofEpochSecond(1796635000));
        assertThat(fromLines.turns()).extracting(CapturedTurn::key)
                .as("messages without ids get keys from their place and words")
                .isEqualTo(fromArray.turns().stream().map(CapturedTurn::key).toList());
    }

    @Test
    void aLongerVersionOfAConversationKeepsTheKeysOfItsFirstTurns() {
        String start = """
                [{"role": "user", "content": "We moved the nightly build to 2am."},
                 {"role": "assistant", "content": "Noted."}""";
        List<CapturedTurn> before = Transcript.read(start + "]").turns();
        List<CapturedTurn> after = Transcript.read(start + ", {\"role\": \"user\", \"content\": \"And it takes 40 "
                + "minutes now.\"}]").turns();

        assertThat(after).hasSize(3);
        assertThat(after.subList(0, 2)).extracting(CapturedTurn::key)
                .isEqualTo(before.stream().map(CapturedTurn::key).toList());
        assertThat(after.get(2).key()).isNotIn(before.stream().map(CapturedTurn::key).toList());
    }

    @Test
    void aLineThatIsNotJsonIsNamed() {
        assertThatThrownBy(() -> Transcript.read("{\"role\": \"user\", \"content\": \"fine\"}\n{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Line 2 is not JSON");
        assertThatThrownBy(() -> Transcript.read(
                "[{\"role\": \"user\", \"content\": \"x\", \"timestamp\": \"Friday\"}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp \"Friday\" is not an ISO-8601 time");
    }

    @Test
    void aVeryLongTurnIsCut() {
        String said = "word ".repeat(CapturedTurn.TEXT_MAX);
        CapturedTurn turn = Transcript.read("[{\"role\": \"user\", \"content\": \"" + said + "\"}]").turns().get(0);
        assertThat(turn.text()).hasSize(CapturedTurn.TEXT_MAX).endsWith("…");
    }
}
