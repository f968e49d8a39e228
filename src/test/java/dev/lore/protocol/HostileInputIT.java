package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;

/**
 * A corpus of hostile and broken requests, sent byte for byte to the packaged Lore over Streamable HTTP (with a token)
 * and over stdio: malformed JSON-RPC, unknown methods, tools, resources and prompts, wrong types, a huge string, deeply
 * nested JSON, invalid UTF-8, search syntax and SQL in search text, a 5,000-key profile update. Each gets a JSON-RPC or
 * tool error (never a stack trace), or, for search text, an answer; the server keeps serving, and nothing is written.
 */
class HostileInputIT {

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();

    /** A Java stack frame, which no answer may carry. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    enum Expect {
        /** A JSON-RPC error. */
        PROTOCOL_ERROR,
        /** A tool error or a JSON-RPC error, saying what {@code mentions} says. */
        REFUSED,
        /** A result that is not an error. */
        ANSWERED,
        /** Either, as long as it is a well-formed answer. */
        ANY
    }

    /**
     * @param id the request's id, 0 for a request whose answer has none (it could not be read as a request)
     */
    record Case(String name, int id, byte[] body, Expect expect, String mentions) {
    }

    static List<Case> corpus() {
        List<Case> corpus = new ArrayList<>();
        corpus.add(raw("malformed JSON", 0, "{\"jsonrpc\":\"2.0\",\"id\":", Expect.PROTOCOL_ERROR, null));
        corpus.add(raw("no method", 11, "{\"jsonrpc\":\"2.0\",\"id\":11}", Expect.PROTOCOL_ERROR, null));
        corpus.add(raw("unknown method", 12, "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"lore/drop_everything\"}",
                Expect.PROTOCOL_ERROR, null));
        corpus.add(call("unknown tool", 13, "drop_everything", Map.of(), Expect.REFUSED, "drop_everything"));
        corpus.add(raw("unknown resource", 14, "{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"resources/read\","
                + "\"params\":{\"uri\":\"lore://nothing/here\"}}", Expect.PROTOCOL_ERROR, null));
        corpus.add(raw("unknown prompt", 15, "{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"prompts/get\","
                + "\"params\":{\"name\":\"drop_everything\"}}", Expect.PROTOCOL_ERROR, null));
        corpus.add(raw("tools/call without params", 16, "{\"jsonrpc\":\"2.0\",\"id\":16,\"method\":\"tools/call\"}",
                Expect.PROTOCOL_ERROR, null));
        corpus.add(call("wrong types", 17, "save_learning", Map.of("title", List.of(1, 2), "learning", Map.of("a", 1),
                "namespace", "hostile"), Expect.REFUSED, null));
        corpus.add(call("a huge string", 18, "save_learning", Map.of("title", "huge", "learning", "a".repeat(1_000_000),
                "namespace", "hostile"), Expect.REFUSED, "learning"));
        corpus.add(raw("deeply nested JSON", 0, "{\"jsonrpc\":\"2.0\",\"id\":19,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"save_learning\",\"arguments\":{\"title\":\"t\",\"learning\":\"l\",\"namespace\":"
                + "\"hostile\",\"tags\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}}}", Expect.ANY, null));
        corpus.add(new Case("invalid UTF-8", 20, concat("{\"jsonrpc\":\"2.0\",\"id\":20,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"search_learnings\",\"arguments\":{\"query\":\"caf", new byte[] {
                    (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, (byte) 0xFE }, "\"}}}"), Expect.ANY, null));
        corpus.add(call("search syntax", 21, "search_learnings", Map.of("query",
                "foo AND (bar OR \"baz* NEAR/2 -qux:* ^ & | ! <-> {} [] \\\\", "namespace", "hostile"),
                Expect.ANSWERED, null));
        corpus.add(call("SQL in search text", 22, "search_learnings", Map.of("query",
                "'; DROP TABLE learning; -- \" OR 1=1", "namespace", "hostile"), Expect.ANSWERED, null));
        corpus.add(call("control characters in search text", 23, "search_entities", Map.of("query",
                "\u0000\u0001\u001f\u007f \u202e\ufeff", "namespace", "hostile"), Expect.ANSWERED, null));
        corpus.add(call("SQL in a tag filter", 24, "search_learnings", Map.of("query", "anything", "tags",
                List.of("x' OR namespace <> 'hostile"), "namespace", "hostile"), Expect.REFUSED, "tags"));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            fields.put("field_" + i, "value " + i);
        }
        corpus.add(call("a 5,000-key profile update", 25, "update_profile", Map.of("fields", fields), Expect.REFUSED,
                "100"));
        return corpus;
    }

    @Test
    void overStreamableHttpWithAToken() throws Exception {
        LoreProcess.Ran made = LoreProcess.run(store.get(), Map.of(), "token", "create", "--user", "mallory",
                "--namespaces", "hostile");
        assertThat(made.exitCode()).as("stderr: %s", made.stderr()).isZero();
        String token = made.stdout().strip();
        HttpClient http = HttpClient.newHttpClient();
        try (LoreProcess lore = LoreProcess.httpWithTokens(store.get())) {
            HttpResponse<String> initialized = post(http, lore, token, null,
                    StdioHygieneIT.INITIALIZE.getBytes(StandardCharsets.UTF_8));
            String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
            post(http, lore, token, session, StdioHygieneIT.INITIALIZED.getBytes(StandardCharsets.UTF_8));
            for (Case hostile : corpus()) {
                HttpResponse<String> answer = post(http, lore, token, session, hostile.body());
                assertThat(answer.statusCode()).as(hostile.name()).isLessThan(500);
                check(hostile, message(answer.body()));
            }
            JsonNode search = message(post(http, lore, token, session, search(99)).body());
            assertThat(search.path("result").path("isError").asBoolean()).as("still serving").isFalse();
        }
        assertNothingWritten();
    }

    @Test
    void overStdio() throws Exception {
        try (LoreProcess lore = LoreProcess.stdio(store.get(), Map.of())) {
            StdioHygieneIT.send(lore, StdioHygieneIT.INITIALIZE, StdioHygieneIT.INITIALIZED);
            BufferedReader out = lore.stdout();
            StdioHygieneIT.readResponse(out, 1);
            for (Case hostile : corpus()) {
                lore.stdin().write(hostile.body());
                lore.stdin().write('\n');
                lore.stdin().flush();
                JsonNode answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> hostile.id() == 0
                        ? Json.parse(out.readLine()) : StdioHygieneIT.readResponse(out, hostile.id()),
                        () -> hostile.name() + " was not answered");
                check(hostile, answer);
            }
            lore.stdin().write(search(99));
            lore.stdin().write('\n');
            lore.stdin().flush();
            assertThat(StdioHygieneIT.readResponse(out, 99).path("result").path("isError").asBoolean())
                    .as("still serving").isFalse();
        }
        assertNothingWritten();
    }

    private static void check(Case hostile, JsonNode answer) {
        String text = answer.toString();
        assertThat(text).as(hostile.name()).doesNotContainPattern(STACK_FRAME).doesNotContain("java.lang.");
        assertThat(answer.path("jsonrpc").asText()).as(hostile.name()).isEqualTo("2.0");
        boolean protocolError = answer.path("error").path("code").isInt();
        boolean toolError = answer.path("result").path("isError").asBoolean();
        switch (hostile.expect()) {
            case PROTOCOL_ERROR -> assertThat(protocolError).as("%s: %s", hostile.name(), text).isTrue();
            case REFUSED -> assertThat(protocolError || toolError).as("%s: %s", hostile.name(), text).isTrue();
            case ANSWERED -> assertThat(!protocolError && !toolError && answer.has("result"))
                    .as("%s: %s", hostile.name(), text).isTrue();
            case ANY -> assertThat(protocolError || answer.has("result")).as("%s: %s", hostile.name(), text)
                    .isTrue();
        }
        if (hostile.mentions() != null) {
            assertThat(text).as(hostile.name()).contains(hostile.mentions());
        }
    }

    private static void assertNothingWritten() throws Exception {
        try (Connection db = store.get().connect(); Statement query = db.createStatement()) {
            for (String table : List.of("learning", "profile_field", "memory", "entity")) {
                try (ResultSet rows = query.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    assertThat(rows.getInt(1)).as(table).isZero();
                }
            }
        }
    }

    private static HttpResponse<String> post(HttpClient http, LoreProcess lore, String token, String session,
            byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lore.baseUrl() + "/mcp"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of an answer, sent as JSON or as one event of a stream. */
    private static JsonNode message(String body) {
        String json = body.strip();
        if (!json.startsWith("{")) {
            json = body.lines().filter(line -> line.startsWith("data:")).map(line -> line.substring(5).strip())
                    .filter(data -> data.contains("\"id\"")).reduce((first, last) -> last).orElse(body);
        }
        return Json.parse(json);
    }

    private static byte[] search(int id) {
        return ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"search_learnings\",\"arguments\":{\"query\":\"are you still there?\",\"namespace\":\"hostile\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Case raw(String name, int id, String body, Expect expect, String mentions) {
        return new Case(name, id, body.getBytes(StandardCharsets.UTF_8), expect, mentions);
    }

    private static Case call(String name, int id, String tool, Map<String, Object> arguments, Expect expect,
            String mentions) {
        return raw(name, id, Json.object("jsonrpc", "2.0", "id", id, "method", "tools/call", "params",
                Map.of("name", tool, "arguments", arguments)), expect, mentions);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(middle);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
