package dev.lore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * The MCP clients {@code lore config} sets up: the file each keeps its servers in, and the key they sit under. Each
 * client reads the same entry (a command, its arguments, its environment); VS Code and Claude Code also want its
 * transport named.
 */
enum McpClient {

    CLAUDE_DESKTOP("claude-desktop", "Claude Desktop", "mcpServers", false) {
        @Override
        Path file(Path home, String os, Path workingDir) {
            if (os.contains("mac")) {
                return home.resolve("Library/Application Support/Claude/claude_desktop_config.json");
            }
            if (os.contains("win")) {
                String appData = System.getenv("APPDATA");
                return (appData == null ? home.resolve("AppData/Roaming") : Path.of(appData))
                        .resolve("Claude/claude_desktop_config.json");
            }
            return home.resolve(".config/Claude/claude_desktop_config.json");
        }
    },
    CLAUDE_CODE("claude-code", "Claude Code", "mcpServers", true) {
        @Override
        Path file(Path home, String os, Path workingDir) {
            return home.resolve(".claude.json"); // the user scope: every project of the user sees it
        }
    },
    CURSOR("cursor", "Cursor", "mcpServers", false) {
        @Override
        Path file(Path home, String os, Path workingDir) {
            return home.resolve(".cursor/mcp.json");
        }
    },
    VSCODE("vscode", "VS Code", "servers", true) {
        @Override
        Path file(Path home, String os, Path workingDir) {
            return workingDir.resolve(".vscode/mcp.json"); // the workspace's: VS Code asks before it starts a server
        }
    },
    CODEX("codex", "Codex", "mcp_servers", false) {
        @Override
        Path file(Path home, String os, Path workingDir) {
            return home.resolve(".codex/config.toml");
        }

        @Override
        boolean toml() {
            return true;
        }
    };

    /** JSON as clients read it: comments and trailing commas allowed. */
    static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    final String id;
    final String title;
    /** The key (a table, in TOML) the client's servers sit under. */
    final String serversKey;
    /** Whether the entry names its transport ({@code "type": "stdio"}). */
    final boolean typed;

    McpClient(String id, String title, String serversKey, boolean typed) {
        this.id = id;
        this.title = title;
        this.serversKey = serversKey;
        this.typed = typed;
    }

    /** The file the client reads its servers from, for this home folder, operating system and working folder. */
    abstract Path file(Path home, String os, Path workingDir);

    boolean toml() {
        return false;
    }

    /**
     * The servers the client's file holds (its {@link #serversKey} object), read as the client reads it: JSON with
     * comments and trailing commas, or TOML; missing when the file holds none.
     */
    JsonNode servers(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root = text.isBlank() ? MissingNode.getInstance()
                : toml() ? new TomlMapper().readTree(text) : LENIENT_JSON.readTree(text);
        return root.path(serversKey);
    }

    static Optional<McpClient> named(String id) {
        return Arrays.stream(values()).filter(client -> client.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
    }

    static String ids() {
        return String.join(", ", Arrays.stream(values()).map(client -> client.id).toList());
    }
}
