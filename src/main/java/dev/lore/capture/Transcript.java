package dev.lore.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A conversation as a client keeps it, read into turns: Claude Code's transcript (JSON Lines: one object a line, with
 * {@code type}, {@code uuid}, {@code sessionId}, {@code timestamp} and a {@code message} whose content is text or a
 * list of blocks), or plain messages ({@code [{"role", "content", "timestamp"?, "id"?}]}, as a JSON array or one
 * object a line). Only what the user and the assistant said is kept: tool calls, tool results, a client's own
 * bookkeeping (meta lines, slash-command echoes, system reminders) and side conversations of sub-agents are not.
 * Secrets are redacted as the turns are read, so they never travel further.
 *
 * @param conversationId the conversation's id as the transcript names it (Claude Code's {@code sessionId}), or
 *        {@code null}
 */
public record Transcript(String conversationId, List<CapturedTurn> turns) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLIENT_MARKUP = Pattern.compile(
            "<(system-reminder|command-name|command-message|command-args|local-command-stdout|local-command-stderr)>"
                    + ".*?</\\1>",
            Pattern.DOTALL);

    /** Reads a transcript or a list of messages, in whichever of the formats above it is written. */
    public static Transcript read(String content) {
        String text = content.strip();
        if (text.isEmpty()) {
            return new Transcript(null, List.of());
        }
        Builder reader = new Builder();
        if (text.startsWith("[")) {
            JsonNode messages = parse(text, 1);
            if (!messages.isArray()) {
                throw new IllegalArgumentException("A list of messages must be a JSON array");
            }
            for (int i = 0; i < messages.size(); i++) {
                reader.message(messages.get(i), i + 1);
            }
        } else {
            String[] lines = text.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    reader.line(parse(lines[i], i + 1), i + 1);
                }
            }
        }
        return reader.build(null);
    }

    private static JsonNode parse(String json, int line) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Line " + line + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A conversation read turn by turn: from a transcript's lines, or from messages handed over one by one. */
    public static final class Builder {
        private final List<CapturedTurn> turns = new ArrayList<>();
        private String conversationId;

        /** The conversation read so far; {@code conversationId} when the transcript did not name one. */
        public Transcript build(String conversationId) {
            return new Transcript(this.conversationId == null ? conversationId : this.conversationId,
                    List.copyOf(turns));
        }

        /**
         * Adds what one side said, unless it is not the user or the assistant speaking or nothing is left once the
         * client's markup is taken out; a long text is cut, and secrets are redacted.
         *
         * @param id the message's id, when it has one
         */
        public void said(String id, String role, String text, Instant occurredAt) {
            String speaker = role == null ? "" : role.toLowerCase(Locale.ROOT);
            if (speaker.equals("user") || speaker.equals("assistant")) {
                add(id, speaker, text, occurredAt);
            }
        }

        void line(JsonNode line, int number) {
            if (!line.isObject()) {
                throw new IllegalArgumentException("Line " + number + " is not a JSON object");
            }
            if (line.has("role")) {
                message(line, number);
                return;
            }
            String type = line.path("type").asText();
            if (!type.equals("user") && !type.equals("assistant") || !line.path("message").isObject()
                    || line.path("isMeta").asBoolean() || line.path("isSidechain").asBoolean()) {
                return;
            }
            if (conversationId == null && line.hasNonNull("sessionId")) {
                conversationId = line.get("sessionId").asText();
            }
            String said = spoken(line.get("message").path("content"));
            add(line.path("uuid").asText(null), type, said, instant(line.get("timestamp"), number));
        }

        void message(JsonNode message, int number) {
            String id = message.hasNonNull("id") ? message.get("id").asText() : null;
            said(id, message.path("role").asText(), spoken(message.path("content")),
                    instant(message.get("timestamp"), number));
        }

        private void add(String id, String role, String said, Instant occurredAt) {
            String text = CLIENT_MARKUP.matcher(said).replaceAll("").strip();
            if (text.isEmpty()) {
                return;
            }
            if (text.length() > CapturedTurn.TEXT_MAX) {
                text = text.substring(0, CapturedTurn.TEXT_MAX - 1) + "…";
            }
            text = SecretRedactor.redact(text);
            int position = turns.size();
            String key = id != null && !id.isBlank() && id.length() <= CapturedTurn.KEY_MAX ? id
                    : derivedKey(position, role, text);
            turns.add(new CapturedTurn(key, position, role, text, occurredAt));
        }
    }

    /** The text of a message's content: a string, or the text blocks of a list (tool calls and results left out). */
    static String spoken(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        List<String> texts = new ArrayList<>();
        content.forEach(block -> {
            if (block.isTextual()) {
                texts.add(block.asText());
            } else if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                texts.add(block.get("text").asText());
            }
        });
        return String.join("\n\n", texts);
    }

    /** When a message was said: an ISO-8601 time, or a number of seconds (or milliseconds) since 1970. */
    private static Instant instant(JsonNode timestamp, int line) {
        if (timestamp == null || timestamp.isNull()) {
            return null;
        }
        if (timestamp.isNumber()) {
            long value = timestamp.asLong();
            return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        return instant(timestamp.asText()).orElseThrow(() -> new IllegalArgumentException("Line " + line
                + ": timestamp \"" + timestamp.asText() + "\" is not an ISO-8601 time or a number of seconds"));
    }

    /** An ISO-8601 time, with an offset ({@code 2026-12-07T10:15:00+01:00}) or in UTC ({@code ...Z}). */
    public static Optional<Instant> instant(String timestamp) {
        try {
            return Optional.of(OffsetDateTime.parse(timestamp).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The key of a turn that has no id: its place and words, so that the same conversation read again, or a longer
     * version of it, gives its turns the same keys.
     */
    static String derivedKey(int position, String role, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((position + "\n" + role + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return "turn-" + position + "-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
