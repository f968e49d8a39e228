package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.LoreProcess;

/**
 * The packaged server run as {@code lore http} against what a DNS-rebinding page in the user's browser sends: its own
 * name as Host and its own origin. Requests are written byte for byte on a socket, since HTTP clients will not let a
 * caller set the Host header.
 */
class DnsRebindingIT {

    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
            "capabilities":{},"clientInfo":{"name":"rebinding-test","version":"1"}}}""";

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();
    static LoreProcess lore;

    @BeforeAll
    static void startLore() {
        lore = LoreProcess.http(store.get());
    }

    @AfterAll
    static void stopLore() {
        lore.close();
    }

    @Test
    void aPageWhoseNameWasRepointedAtLoreIsRefused() {
        Answer answer = post(lore, "evil.example.com", "http://evil.example.com");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("'evil.example.com'", "lore.http.allowed-hosts")
                .doesNotContain("protocolVersion");
        assertThat(get(lore, "/mcp/sse", "evil.example.com:" + lore.port(), null).status())
                .as("the legacy SSE endpoint too").isEqualTo(403);
        assertThat(post(lore, "localhost.evil.example.com", null).status()).as("a name that only starts like localhost")
                .isEqualTo(403);
    }

    @Test
    void aForeignPageIsRefusedEvenWhenItNamesALocalHost() {
        Answer answer = post(lore, "127.0.0.1:" + lore.port(), "http://evil.example.com");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("'http://evil.example.com'", "lore.http.allowed-origins");
        assertThat(post(lore, "127.0.0.1:" + lore.port(), "null").status()).as("a sandboxed frame's origin")
                .isEqualTo(403);
    }

    @Test
    void localNamesAndAddressesAreAnswered() {
        assertThat(post(lore, "localhost:" + lore.port(), "http://localhost:" + lore.port()).status()).isEqualTo(200);
        assertThat(post(lore, "127.0.0.1:" + lore.port(), null).status()).isEqualTo(200);
        assertThat(post(lore, "localhost:" + lore.port(), "http://localhost:6274").status())
                .as("a browser client on another local port").isEqualTo(200);
        assertThat(post(lore, "[::1]:" + lore.port(), null).status()).isEqualTo(200);
        assertThat(post(lore, "10.1.2.3:" + lore.port(), null).status()).as("an address is never a rebound name")
                .isEqualTo(200);
    }

    /** Java's HTTP client upgrades to HTTP/2, where the host travels as the :authority pseudo-header. */
    @Test
    void aClientThatUpgradesToHttp2IsAnsweredToo() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build().send(
                HttpRequest.newBuilder(URI.create(lore.baseUrl() + "/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void aDeploymentAnswersToTheNamesItIsGiven() {
        try (LoreProcess deployed = LoreProcess.http(store.get(), Map.of("LORE_HTTP_ALLOWED_HOSTS",
                "lore.example.com", "LORE_HTTP_ALLOWED_ORIGINS", "https://console.example.com"))) {
            assertThat(post(deployed, "LORE.example.com:80", null).status()).isEqualTo(200);
            assertThat(post(deployed, "lore.example.com", "http://lore.example.com").status()).isEqualTo(200);
            assertThat(post(deployed, "lore.example.com", "https://console.example.com").status()).isEqualTo(200);
            assertThat(post(deployed, "evil.example.com", null).status()).isEqualTo(403);
            assertThat(post(deployed, "lore.example.com", "https://evil.example.com").status()).isEqualTo(403);
        }
    }

    record Answer(int status, String body) {
    }

    static Answer post(LoreProcess server, String host, String origin) {
        return exchange(server, "POST /mcp HTTP/1.1\r\n" + headers(host, origin)
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Content-Length: " + INITIALIZE.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + INITIALIZE);
    }

    static Answer get(LoreProcess server, String path, String host, String origin) {
        return exchange(server, "GET " + path + " HTTP/1.1\r\n" + headers(host, origin)
                + "Accept: text/event-stream\r\n\r\n");
    }

    private static String headers(String host, String origin) {
        return "Host: " + host + "\r\nConnection: close\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n");
    }

    /**
     * Sends the request and reads the answer until the server closes the connection, or for 5 seconds (an SSE stream
     * stays open).
     */
    static Answer exchange(LoreProcess server, String request) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (SocketTimeoutException streamStaysOpen) {
                // what arrived is enough to read the status
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text.substring(text.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
