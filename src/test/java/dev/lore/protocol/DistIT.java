package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.testing.Json;
import dev.lore.testing.TestStores;

/**
 * The launcher of {@code make dist} ({@code bin/lore} beside {@code app/}), as a user installs it: linked from a folder
 * on their PATH and run from anywhere, by them and by an MCP client.
 */
class DistIT {

    static final Path APP = Path.of(System.getProperty("lore.app.dir", "target/quarkus-app")).toAbsolutePath();
    static final Path LAUNCHER = Path.of("src/main/dist/bin/lore").toAbsolutePath();

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    @Test
    void theLauncherRunsLoreFromAnyFolderThroughALink() throws Exception {
        Path linked = install();

        Run version = run(linked, Map.of(), "", "--version");

        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("lore ");
    }

    @Test
    void aClientSetUpThroughTheLauncherLaunchesTheLauncher() throws Exception {
        Path linked = install();

        Run config = run(linked, Map.of(), "", "config", "cursor");

        JsonNode entry = Json.parse(config.out().substring(config.out().indexOf('{'))).path("mcpServers").path("lore");
        assertThat(Path.of(entry.path("command").asText())).isEqualTo(home.resolve("lore-dist/bin/lore").toRealPath());
        assertThat(entry.path("args")).isEmpty();
    }

    @Test
    void aClientLaunchingTheLauncherIsServed() throws Exception {
        Path linked = install();
        try (TestStores.Store store = TestStores.fresh()) {
            Run served = run(linked, store.environment(), StdioHygieneIT.INITIALIZE + "\n", "stdio");

            assertThat(served.exit()).as(served.err()).isZero();
            assertThat(Json.parse(served.out().lines().findFirst().orElseThrow()).path("result").path("serverInfo")
                    .path("name").asText()).isEqualTo("lore");
        }
    }

    /** Lays the distribution out in the test's home and links its launcher from a folder of the user's PATH. */
    private Path install() throws Exception {
        Path dist = Files.createDirectories(home.resolve("lore-dist/bin"));
        Files.copy(LAUNCHER, dist.resolve("lore"));
        dist.resolve("lore").toFile().setExecutable(true);
        Files.createSymbolicLink(home.resolve("lore-dist/app"), APP);
        Path onPath = Files.createDirectories(home.resolve("bin")).resolve("lore");
        Files.createSymbolicLink(onPath, dist.resolve("lore"));
        return onPath;
    }

    private Run run(Path launcher, Map<String, String> environment, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Files.createTempDirectory(home, "cwd").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow())
                .getParent().getParent().toString());
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(stdin.getBytes());
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
