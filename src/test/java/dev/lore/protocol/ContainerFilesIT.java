package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.lore.cli.Lore;
import dev.lore.testing.Json;
import picocli.CommandLine;

/**
 * The container files in src/main/docker, checked as far as a machine without a container engine can: the JVM image
 * copies what the build made, both images start Lore with a command line Lore accepts, and the compose file wires Lore
 * to its database and waits for it. No image is built or run here.
 */
class ContainerFilesIT {

    private static final Path DOCKER = Path.of("src/main/docker");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) \\S+$");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$");

    @Test
    void theJvmImageCopiesWhatTheBuildMadeAndStartsTheTeamServer() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        assertThat(dockerfile).containsPattern("(?m)^FROM \\S+:\\S+$");
        List<String> sources = new ArrayList<>();
        for (Matcher copy = COPY.matcher(dockerfile); copy.find();) {
            sources.add(copy.group(1));
        }
        assertThat(sources).isNotEmpty();
        for (String source : sources) {
            Path built = Path.of(source.replace("*.jar", "quarkus-run.jar"));
            assertThat(built).as("COPY %s", source).exists();
        }
        List<String> command = entrypoint(dockerfile);
        assertThat(command.subList(0, 3)).containsExactly("java", "-jar", "/deployments/quarkus-run.jar");
        assertServesTheNetworkWithTokens(command.subList(3, command.size()));
    }

    @Test
    void theNativeImageStartsTheTeamServerWithOllamaEmbeddings() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.native"));
        assertThat(dockerfile).contains("LORE_EMBEDDINGS_PROVIDER=ollama");
        List<String> command = entrypoint(dockerfile);
        assertThat(command.get(0)).isEqualTo("./lore");
        assertServesTheNetworkWithTokens(command.subList(1, command.size()));
    }

    @Test
    void composeWiresLoreToPostgresWithPgvector() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
        JsonNode db = compose.path("services").path("db");
        JsonNode lore = compose.path("services").path("lore");
        assertThat(db.path("image").asText()).startsWith("pgvector/pgvector:");
        assertThat(lore.path("build").path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
        assertThat(DOCKER.resolve(lore.path("build").path("context").asText()).resolve("pom.xml").normalize())
                .exists();
        assertThat(lore.path("depends_on").path("db").path("condition").asText()).isEqualTo("service_healthy");
        JsonNode environment = lore.path("environment");
        assertThat(environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:postgresql://db:5432/" + db.path("environment").path("POSTGRES_DB").asText());
        assertThat(environment.path("QUARKUS_DATASOURCE_USERNAME").asText())
                .isEqualTo(db.path("environment").path("POSTGRES_USER").asText());
        assertThat(lore.path("ports").get(0).asText()).isEqualTo("7700:7700");
        assertThat(lore.path("healthcheck").path("test").toString()).contains("/q/health/ready");
    }

    private static List<String> entrypoint(String dockerfile) {
        Matcher entrypoint = ENTRYPOINT.matcher(dockerfile);
        assertThat(entrypoint.find()).isTrue();
        return Arrays.asList(Json.MAPPER.convertValue(Json.parse(entrypoint.group(1)), String[].class));
    }

    /** The arguments are Lore's own command line for the team server: HTTP on every interface, tokens required. */
    private static void assertServesTheNetworkWithTokens(List<String> arguments) {
        CommandLine.ParseResult parsed = new CommandLine(new Lore()).parseArgs(arguments.toArray(String[]::new));
        CommandLine.ParseResult http = parsed.subcommand();
        assertThat(http.commandSpec().name()).isEqualTo("http");
        assertThat(http.matchedOptionValue("--host", "127.0.0.1")).isEqualTo("0.0.0.0");
        assertThat(http.matchedOptionValue("--port", 0)).isEqualTo(7700);
        assertThat(http.hasMatchedOption("--insecure-local")).isFalse();
    }
}
