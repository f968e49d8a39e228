package dev.lore.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.lore.testing.Namespaces;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a Prometheus scraper reads: the MCP requests by tool and outcome, and what Lore holds and what waits. */
@QuarkusTest
class MetricsTest {

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void toolCallsAndWhatTheStoresHoldAreScraped() throws Exception {
        double before = value(scrape(), "lore_store_records\\{store=\"knowledge\"}");
        McpStreamableTestClient client = McpAssured.newConnectedStreamableClient();
        client.when()
                .toolsCall("save_learning", Map.of("title", "Metrics", "learning", "Prometheus scrapes /q/metrics "
                        + "every 15 seconds here", "namespace", Namespaces.fresh()), response -> {
                            assertThat(response.isError()).isFalse();
                        })
                .toolsCall("save_learning", Map.of("title", "", "learning", "no title"), response -> {
                    assertThat(response.isError()).isTrue();
                })
                .thenAssertResults();
        client.disconnect();

        String scraped = scrape();
        assertThat(value(scraped, "lore_store_records\\{store=\"knowledge\"}")).isEqualTo(before + 1);
        assertThat(scraped).containsPattern("mcp_server_requests_tools_call_seconds_count\\{[^}]*failure=\"none\""
                + "[^}]*tool_name=\"save_learning\"[^}]*} [1-9]")
                .contains("mcp_server_requests_tools_call_seconds_bucket{", "lore_capture_waiting ", "lore_review_waiting{store=\"knowledge\"}",
                        "mcp_server_connections_active");
    }

    private String scrape() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static double value(String scraped, String series) {
        Matcher line = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scraped);
        assertThat(line.find()).as("%s in%n%s", series, scraped).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
