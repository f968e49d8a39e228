package dev.lore.profile;

import java.util.List;
import java.util.Map;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.UserId;
import dev.lore.mcp.McpErrors;
import dev.lore.mcp.RedactSecrets;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;

/** User Profile over MCP: who the user is and how they like to work. */
@McpErrors
@RedactSecrets
public class ProfileMcp {

    static final int HISTORY = 50;

    private final ProfileService profiles;
    private final CallerResolver callers;

    ProfileMcp(ProfileService profiles, CallerResolver callers) {
        this.profiles = profiles;
        this.callers = callers;
    }

    @Tool(name = "get_profile", description = """
            Get what is known about the user: name, preferred name, role, company, location, timezone, languages, \
            preferences (communication style, verbosity, tools, stack...) and custom fields. Call it at the start \
            of a conversation to address the user properly and answer the way they prefer.""",
            annotations = @Annotations(title = "Get the user's profile", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = ProfileView.class))
    ProfileView getProfile(
            @ToolArg(name = "user_id", description = "Optional: whose profile (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        return profiles.get(callers.resolve(connection, userId, null, null).userId());
    }

    @Tool(name = "update_profile", description = """
            Record facts about the user as they come up: {"name": "Alice Chen", "role": "staff engineer", \
            "timezone": "Europe/Berlin", "languages": ["English", "German"], "preferences": {"verbosity": \
            "concise"}}. Fields are merged into the profile in place; a field set to null is removed; names other \
            than name, preferred_name, role, company, location, timezone, languages and preferences become custom \
            fields. Every change is kept in the profile's history.""",
            annotations = @Annotations(title = "Update the user's profile", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = ProfileUpdate.class))
    ProfileUpdate updateProfile(
            @ToolArg(description = "The fields to set (or remove, with null), as a JSON object.") Map<String, Object> fields,
            @ToolArg(name = "user_id", description = "Optional: whose profile (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        List<ProfileChange> made = profiles.update(caller, fields);
        return ProfileUpdate.of(caller.userId(), made, profiles.get(caller.userId()));
    }

    @ResourceTemplate(uriTemplate = "lore://users/{user_id}/profile", name = "profile", title = "A user's profile",
            description = "What is known about a user.", mimeType = "text/markdown")
    TextResourceContents profile(String user_id, RequestUri uri, McpConnection connection) {
        Caller caller = callers.resolve(connection, user_id, null, null);
        return new TextResourceContents(uri.value(), "# " + profiles.get(caller.userId()).toText() + "\n",
                "text/markdown");
    }

    @ResourceTemplate(uriTemplate = "lore://users/{user_id}/profile/history", name = "profile_history",
            title = "A user's profile history", description = "The latest 50 changes of a user's profile, newest first.",
            mimeType = "text/markdown")
    TextResourceContents history(String user_id, RequestUri uri, McpConnection connection) {
        Caller caller = callers.resolve(connection, user_id, null, null);
        return new TextResourceContents(uri.value(),
                ChangeView.historyMarkdown(caller.userId(), profiles.history(caller.userId(), HISTORY)),
                "text/markdown");
    }
}
