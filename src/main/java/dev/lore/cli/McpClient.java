package dev.lore.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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

    static Optional<McpClient> named(String id) {
        return Arrays.stream(values()).filter(client -> client.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
    }

    static String ids() {
        return String.join(", ", Arrays.stream(values()).map(client -> client.id).toList());
    }
}
