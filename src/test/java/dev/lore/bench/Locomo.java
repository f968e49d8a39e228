package dev.lore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.testing.Json;

/**
 * The LoCoMo long-term conversational memory benchmark (Maharana et al., ACL 2024, CC BY-NC 4.0), read from where it
 * lies beside the project; it is never copied into it. Questions of category 5 (adversarial) and questions whose
 * evidence names no existing turn are left out; malformed evidence ids ("D:11:26", "D30:05", "D8:6; D9:17") are
 * normalised.
 */
public record Locomo(List<Conversation> conversations) {

    public static final Path DEFAULT_PATH = Path.of("..", "shared", "bench", "locomo", "locomo-dev.json");
    private static final Pattern TURN_ID = Pattern.compile("D:?(\\d+):0*(\\d+)");
    private static final Pattern SESSION = Pattern.compile("session_(\\d+)");

    public record Turn(String id, int session, String speaker, String text, String sessionDate) {
    }

    public record Question(String text, int category, Set<String> evidence) {
    }

    public record Conversation(String id, List<Turn> turns, List<Question> questions) {
    }

    public static Path path() {
        return Path.of(System.getProperty("locomo.path", DEFAULT_PATH.toString()));
    }

    public static Locomo load(Path file) throws IOException {
        JsonNode root = Json.parse(Files.readString(file));
        List<Conversation> conversations = new ArrayList<>();
        for (JsonNode sample : root) {
            List<Turn> turns = turns(sample.path("conversation"));
            Set<String> ids = new LinkedHashSet<>();
            turns.forEach(t -> ids.add(t.id()));
            List<Question> questions = new ArrayList<>();
            for (JsonNode qa : sample.path("qa")) {
                int category = qa.path("category").asInt();
                Set<String> evidence = evidence(qa.path("evidence"), ids);
                if (category != 5 && !evidence.isEmpty()) {
                    questions.add(new Question(qa.path("question").asText(), category, evidence));
                }
            }
            conversations.add(new Conversation(sample.path("sample_id").asText(), turns, questions));
        }
        return new Locomo(conversations);
    }

    private static List<Turn> turns(JsonNode conversation) {
        Map<Integer, JsonNode> sessions = new java.util.TreeMap<>();
        for (Iterator<String> names = conversation.fieldNames(); names.hasNext();) {
            String name = names.next();
            Matcher m = SESSION.matcher(name);
            if (m.matches()) {
                sessions.put(Integer.parseInt(m.group(1)), conversation.get(name));
            }
        }
        List<Turn> turns = new ArrayList<>();
        sessions.forEach((number, session) -> {
            String date = conversation.path("session_" + number + "_date_time").asText();
            for (JsonNode turn : session) {
                String text = turn.path("text").asText();
                if (turn.hasNonNull("blip_caption")) {
                    text += " [shares " + turn.path("blip_caption").asText() + "]";
                }
                turns.add(new Turn(normalise(turn.path("dia_id").asText()), number, turn.path("speaker").asText(),
                        text, date));
            }
        });
        return turns;
    }

    private static Set<String> evidence(JsonNode evidence, Set<String> existing) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : evidence) {
            for (String part : item.asText().split("[;,\\s]+")) {
                String id = normalise(part);
                if (existing.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    static String normalise(String id) {
        Matcher m = TURN_ID.matcher(id.strip());
        return m.matches() ? "D" + Integer.parseInt(m.group(1)) + ":" + Integer.parseInt(m.group(2)) : id.strip();
    }

    public Map<Integer, Integer> questionsPerCategory() {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        conversations.forEach(c -> c.questions().forEach(q -> counts.merge(q.category(), 1, Integer::sum)));
        return counts;
    }
}
