package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LocalIssuer;
import dev.lore.testing.LoreProcess;

/**
 * The packaged server run as a team runs it, {@code lore http} with tokens made by {@code lore token} and those of an
 * identity provider (a local issuer with a real JWKS and signed JWTs): a request without a valid token is refused with
 * a challenge that names the protected resource's metadata; a token acts as its user, in its namespaces, with its role;
 * a revoked token is refused at once by the running server. Driven by langchain4j's MCP client over Streamable HTTP.
 */
class AuthIT {

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What a Lore token looks like: its prefix and 256 bits in URL-safe Base64. */
    static final Pattern TOKEN_SHAPE = Pattern.compile("lore_[A-Za-z0-9_-]{43}");
    static final String AUDIENCE = "lore-test";
    static LocalIssuer issuer;
    static LoreProcess lore;
    static String alice;
    static String bob;
    static String rita;

    @BeforeAll
    static void startLore() {
        alice = token("--user", "alice", "--namespaces", "platform,payments");
        bob = token("--user", "bob", "--namespaces", "payments");
        rita = token("--user", "rita", "--namespaces", "platform", "--role", "reviewer");
        issuer = LocalIssuer.start();
        lore = LoreProcess.httpWithTokens(store.get(), Map.of("LORE_OIDC_ISSUER", issuer.url(),
                "LORE_OIDC_AUDIENCE", AUDIENCE, "LORE_LOG_JSON", "true"));
    }

    @AfterAll
    static void stopLore() {
        lore.close();
        issuer.close();
    }

    @Test
    void aRequestWithoutAValidTokenIsRefusedWithAChallenge() throws Exception {
        for (String authorization : new String[] { null, "Bearer lore_not-a-token-lore-made", "Bearer abc.def.ghi",
                "Basic YWxpY2U6c2VjcmV0" }) {
            HttpResponse<String> answer = initialize(authorization);
            assertThat(answer.statusCode()).as("Authorization: %s", authorization).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as("Authorization: %s", authorization)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(answer.body()).doesNotContain("protocolVersion");
        }
        assertThat(initialize("Bearer " + alice).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenActsAsItsUserInItsNamespaces() throws Exception {
        try (McpClient asAlice = client(alice); McpClient asBob = client(bob)) {
            JsonNode logged = structured(call(asAlice, "log_decision", Json.object("decision",
                    "Payments retries use idempotency keys", "reasoning", "a retried charge must not charge twice")));
            assertThat(logged.path("decision").path("namespace").asText())
                    .as("a call naming no namespace works in the token's first")
                    .isEqualTo("platform");
            assertThat(call(asAlice, "log_decision", Json.object("decision", "Ledger goes to Postgres 17",
                    "reasoning", "logical replication", "namespace", "payments")).isError()).isFalse();

            assertThat(refusal(asAlice, "search_decisions", Json.object("query", "retries", "namespace", "hr")))
                    .contains("namespace hr is not one of yours", "platform, payments");
            assertThat(refusal(asBob, "search_decisions", Json.object("query", "idempotency", "namespace",
                    "platform"))).contains("namespace platform is not one of yours");
            assertThat(refusal(asBob, "record_outcome", Json.object("decision_id", logged.path("id").asText(),
                    "outcome", "worked"))).as("an id from a namespace bob may not reach")
                    .contains("No decision with id", "in namespace payments");
            assertThat(structured(call(asBob, "search_decisions", Json.object("query", "ledger postgres")))
                    .path("count").asInt()).as("bob sees what was decided in payments").isEqualTo(1);

            String memory = structured(call(asAlice, "save_memory", Json.object("memory", "Alice is on call the "
                    + "first week of January"))).path("id").asText();
            assertThat(refusal(asBob, "forget_memory", Json.object("id", memory, "user_id", "alice")))
                    .contains("user_id alice is not yours");
            assertThat(refusal(asBob, "forget_memory", Json.object("id", memory)))
                    .as("alice's memory id, as bob's own").isEqualTo("No memory with id " + memory + " for bob.");
            assertThat(refusal(asBob, "search_memories", Json.object("query", "on call January", "user_id",
                    "alice"))).contains("user_id alice is not yours");
            assertThat(structured(call(asBob, "search_memories", Json.object("query", "on call January")))
                    .path("count").asInt()).as("bob's own memories").isZero();
            assertThat(structured(call(asAlice, "search_memories", Json.object("query", "on call January")))
                    .path("count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void resourcesAndPromptsKeepToTheTokensReach() throws Exception {
        try (McpClient asAlice = client(alice); McpClient asBob = client(bob)) {
            String learning = structured(call(asAlice, "save_learning", Json.object("title", "Staging database",
                    "learning", "The staging database is wiped every Sunday at 02:00 UTC"))).path("id").asText();
            assertThat(call(asAlice, "save_entity_fact", Json.object("entity", "Staging", "fact",
                    "Staging runs on two nodes")).isError()).isFalse();
            assertThat(refusal(asBob, "get_entity", Json.object("entity", "Staging", "namespace", "platform")))
                    .contains("namespace platform is not one of yours");
            assertThat(refusal(asBob, "get_entity", Json.object("entity", "Staging")))
                    .as("the name, in bob's own namespace")
                    .startsWith("No entity named \"Staging\" in namespace payments");
            assertThat(asAlice.readResource("lore://learnings/" + learning).toString()).contains("wiped every Sunday");

            for (String uri : List.of("lore://learnings/" + learning, "lore://namespaces/platform/learnings",
                    "lore://entities/platform/Staging", "lore://users/alice/memories", "lore://users/alice/profile",
                    "lore://users/alice/context")) {
                assertThatThrownBy(() -> asBob.readResource(uri)).as(uri).satisfies(refused -> assertThat(
                        refused.getMessage()).containsAnyOf("No learning with id", "not one of yours",
                                "user_id alice is not yours"));
            }
            assertThatThrownBy(() -> asBob.getPrompt("recall", Map.of("user_id", "alice")))
                    .hasMessageContaining("user_id alice is not yours");
            assertThat(asBob.readResource("lore://learnings/recent").toString()).as("bob's namespace, payments")
                    .doesNotContain("wiped every Sunday");
        }
    }

    @Test
    void theReviewInboxNeedsTheReviewerRole() throws Exception {
        try (McpClient asAlice = client(alice); McpClient asRita = client(rita)) {
            assertThat(refusal(asAlice, "list_proposals", "{}")).contains("list_proposals needs the reviewer role",
                    "member");
            assertThat(call(asRita, "list_proposals", "{}").isError()).isFalse();
            ToolExecutionResult outside = call(asRita, "list_proposals", Json.object("namespace", "payments"));
            assertThat(structured(outside).path("count").asInt()).as("nothing of a namespace rita may not reach")
                    .isZero();
        }
    }

    @Test
    void clientsFindTheIdentityProviderFromTheChallenge() throws Exception {
        HttpResponse<String> refused = initialize(null);
        String metadata = "/.well-known/oauth-protected-resource";
        assertThat(refused.headers().firstValue("WWW-Authenticate")).as("named as a client behind TLS reaches it")
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer").contains(
                        "resource_metadata=\"https://127.0.0.1:" + lore.port() + metadata));
        HttpResponse<String> described = HTTP.send(HttpRequest.newBuilder(URI.create(lore.baseUrl() + metadata))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(described.statusCode()).isEqualTo(200);
        JsonNode resource = Json.parse(described.body());
        assertThat(resource.path("authorization_servers").toString()).contains(issuer.url());
        assertThat(resource.path("resource").asText()).contains("127.0.0.1:" + lore.port());
    }

    @Test
    void anIdentityProvidersTokenActsAsItsUserWithItsNamespacesAndRoles() throws Exception {
        String dana = issuer.token(AUDIENCE, Map.of("sub", "0b8f-dana", "preferred_username", "dana",
                "lore_namespaces", List.of("platform"), "groups", List.of("engineering")));
        String ravi = issuer.token(AUDIENCE, Map.of("sub", "77aa-ravi", "preferred_username", "ravi",
                "lore_namespaces", "platform payments", "groups", List.of("lore-reviewer")));
        try (McpClient asDana = client(dana); McpClient asRavi = client(ravi)) {
            JsonNode logged = structured(call(asDana, "log_decision", Json.object("decision",
                    "Deploys freeze on Fridays after 3 pm", "reasoning", "nobody around to roll back")));
            assertThat(logged.path("decision").path("user").asText()).isEqualTo("dana");
            assertThat(logged.path("decision").path("namespace").asText()).isEqualTo("platform");
            assertThat(refusal(asDana, "search_decisions", Json.object("query", "freeze", "namespace", "payments")))
                    .contains("namespace payments is not one of yours", "platform");
            assertThat(refusal(asDana, "list_proposals", "{}")).contains("needs the reviewer role");

            assertThat(call(asRavi, "list_proposals", Json.object("namespace", "payments")).isError()).isFalse();
            assertThat(structured(call(asRavi, "search_decisions", Json.object("query", "friday deploys",
                    "namespace", "platform"))).toString()).contains("Deploys freeze on Fridays after 3 pm");
        }
    }

    @Test
    void anIdentityProvidersTokenMustBeForLoreAndValid() throws Exception {
        Map<String, Object> claims = Map.of("sub", "0b8f-dana", "preferred_username", "dana");
        assertThat(initialize("Bearer " + issuer.token(AUDIENCE, claims)).statusCode()).isEqualTo(200);
        assertThat(initialize("Bearer " + issuer.token("another-api", claims)).statusCode())
                .as("a token for another audience").isEqualTo(401);
        assertThat(initialize("Bearer " + issuer.expiredToken(AUDIENCE, claims)).statusCode()).as("expired")
                .isEqualTo(401);
        assertThat(initialize("Bearer " + issuer.forgedToken(AUDIENCE, claims)).statusCode())
                .as("signed with a key the issuer does not publish").isEqualTo(401);
    }

    @Test
    void twoLoresOnOneStoreServeTheSameKnowledgeAndTheSameRevocations() throws Exception {
        LoreProcess.Ran made = LoreProcess.run(store.get(), Map.of(), "token", "create", "--user", "carol",
                "--namespaces", "payments", "--expires", "30d");
        assertThat(made.exitCode()).as("stderr: %s", made.stderr()).isZero();
        Matcher id = Pattern.compile("Token (\\S+) for carol \\(member\\) in payments, until ")
                .matcher(made.stderr());
        assertThat(id.find()).as("stderr: %s", made.stderr()).isTrue();
        String carol = made.stdout().strip();

        try (LoreProcess second = LoreProcess.httpWithTokens(store.get());
                McpClient throughFirst = client(lore, carol); McpClient throughSecond = client(second, carol)) {
            assertThat(call(throughFirst, "save_learning", Json.object("title", "Card refunds", "learning",
                    "Card refunds settle in five to seven business days")).isError()).isFalse();
            assertThat(structured(call(throughSecond, "search_learnings", Json.object("query",
                    "how long do refunds take to settle?"))).toString()).contains("five to seven business days");

            LoreProcess.Ran revoked = LoreProcess.run(store.get(), Map.of(), "token", "revoke", id.group(1));
            assertThat(revoked.exitCode()).as("stderr: %s", revoked.stderr()).isZero();
            assertThat(initialize(lore, "Bearer " + carol).statusCode()).as("refused at once").isEqualTo(401);
            assertThat(initialize(second, "Bearer " + carol).statusCode()).as("by the other Lore too")
                    .isEqualTo(401);
        }
        LoreProcess.Ran listed = LoreProcess.run(store.get(), Map.of(), "token", "list");
        assertThat(listed.stdout()).contains(id.group(1)).containsPattern("carol +member +revoked")
                .doesNotContain(carol);
    }

    @Test
    void aBodyLargerThanLoreReadsIsRefusedWithTheLimitAndNothingElseStops() throws Exception {
        DnsRebindingIT.Answer tooLarge = DnsRebindingIT.exchange(lore, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + alice + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 104857600\r\nConnection: close\r\n\r\n{\"jsonrpc\":");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body())
                .contains("104857600 bytes", "at most 10485760", "quarkus.http.limits.max-body-size");
        assertThat(initialize("Bearer " + alice).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensNeverLeaveInLogsAnswersOrExports() throws Exception {
        try (McpClient asAlice = client(alice)) {
            String answer = call(asAlice, "save_memory", Json.object("memory", "Alice keeps her API token in a "
                    + "password manager")).resultText() + asAlice.readResource("lore://users/alice/context");
            assertThat(answer).doesNotContain(alice).doesNotContainPattern(TOKEN_SHAPE);
        }
        LoreProcess.Ran exported = LoreProcess.run(store.get(), Map.of(), "export");
        assertThat(exported.exitCode()).as("stderr: %s", exported.stderr()).isZero();
        assertThat(exported.stdout()).contains("password manager").doesNotContainPattern(TOKEN_SHAPE)
                .doesNotContain(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(alice.getBytes(StandardCharsets.UTF_8))));
        assertThat(lore.log()).doesNotContain(alice).doesNotContain(bob).doesNotContain(rita);
    }

    @Test
    void commandsSayWhatIsWrong() {
        LoreProcess.Ran exposed = LoreProcess.run(store.get(), Map.of(), "http", "--insecure-local", "--host",
                "0.0.0.0");
        assertThat(exposed.exitCode()).isEqualTo(2);
        assertThat(exposed.stderr()).contains("--insecure-local serves this machine only");
        LoreProcess.Ran noNamespace = LoreProcess.run(store.get(), Map.of(), "token", "create", "--user", "dan");
        assertThat(noNamespace.exitCode()).isEqualTo(2);
        assertThat(noNamespace.stderr()).contains("create needs --user and --namespaces");
        LoreProcess.Ran badLifetime = LoreProcess.run(store.get(), Map.of(), "token", "create", "--user", "dan",
                "--namespaces", "x", "--expires", "soon");
        assertThat(badLifetime.exitCode()).isEqualTo(2);
        assertThat(badLifetime.stderr()).contains("--expires must be a positive time");
    }

    @Test
    void pastItsCallsOfTheMinuteAUserIsRefusedNamingTheLimitNothingIsWrittenAndOthersAreServed() throws Exception {
        try (LoreProcess limited = LoreProcess.httpWithTokens(store.get(),
                Map.of("LORE_IDENTITY_CALLS_PER_MINUTE", "3"));
                McpClient asAlice = client(limited, alice); McpClient asBob = client(limited, bob)) {
            for (int i = 0; i < 3; i++) {
                assertThat(call(asAlice, "get_profile", "{}").isError()).isFalse();
            }
            assertThat(refusal(asAlice, "save_learning", Json.object("title", "Over the limit", "learning",
                    "A save past the rate limit is not kept"))).startsWith("rate limit: at most 3 calls a minute per "
                            + "user (lore.identity.calls-per-minute); the next call is taken in ");
            assertThat(call(asBob, "get_profile", "{}").isError()).as("another user's calls").isFalse();
        }
        try (Connection db = store.get().connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM learning WHERE title = 'Over the limit'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void theLogIsJsonAndEachLineOfARequestNamesItsCallerAndMcpSession() throws Exception {
        HttpResponse<String> initialized = initialize("Bearer " + alice);
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(session, alice, """
                {"jsonrpc":"2.0","method":"notifications/initialized"}""");
        HttpResponse<String> refused = post(session, alice, """
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_profile",\
                "arguments":{"user_id":"bob"}}}""");
        assertThat(refused.body()).contains("user_id bob");

        JsonNode line = awaitLogLine("Refused a call: user_id bob");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("mdc").path("principal").asText()).as("line: %s", line).isEqualTo("alice");
        assertThat(line.path("mdc").path("mcpSessionId").asText()).isEqualTo(session);
        assertThat(lore.log().lines().filter(logged -> logged.startsWith("{")).count())
                .as("every line Lore logs is a JSON object").isEqualTo(lore.log().lines().count());
    }

    private static HttpResponse<String> post(String session, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(lore.baseUrl() + "/mcp"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitLogLine(String messageStart) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            Optional<JsonNode> found = lore.log().lines().filter(line -> line.startsWith("{")).map(Json::parse)
                    .filter(line -> line.path("message").asText().startsWith(messageStart)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No log line starting " + messageStart + " in:\n" + lore.log());
    }

    private static String token(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "token";
        args[1] = "create";
        System.arraycopy(options, 0, args, 2, options.length);
        LoreProcess.Ran made = LoreProcess.run(store.get(), Map.of(), args);
        assertThat(made.exitCode()).as("stderr: %s", made.stderr()).isZero();
        assertThat(made.stdout().strip()).startsWith("lore_");
        return made.stdout().strip();
    }

    private static HttpResponse<String> initialize(String authorization) throws Exception {
        return initialize(lore, authorization);
    }

    static HttpResponse<String> initialize(LoreProcess server, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(DnsRebindingIT.INITIALIZE));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static McpClient client(String token) {
        return client(lore, token);
    }

    static McpClient client(LoreProcess server, String token) {
        return new DefaultMcpClient.Builder().clientName("auth-test")
                .transport(new StreamableHttpMcpTransport.Builder().url(server.baseUrl() + "/mcp")
                        .customHeaders(Map.of("Authorization", "Bearer " + token)).build())
                .build();
    }

    private static ToolExecutionResult call(McpClient client, String tool, String arguments) {
        return client.executeTool(ToolExecutionRequest.builder().id("1").name(tool).arguments(arguments).build());
    }

    /** What the server answered a call it refused (langchain4j's client throws a tool's error). */
    private static String refusal(McpClient client, String tool, String arguments) {
        try {
            ToolExecutionResult answer = call(client, tool, arguments);
            throw new AssertionError(tool + " was not refused: " + answer.resultText());
        } catch (ToolExecutionException e) {
            return e.getMessage();
        }
    }

    private static JsonNode structured(ToolExecutionResult result) {
        return StdioProtocolIT.structured(result);
    }
}
