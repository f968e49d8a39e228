package dev.lore.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class ProfileMcpTest {

    @Inject
    ProfileService profiles;

    static String user() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> nullable(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void fieldsMergeInPlaceAndNullRemoves() {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_profile", Map.of("user_id", alice, "fields", Map.of("name", "Alice Chen", "role",
                    "staff engineer", "languages", "English", "preferences", Map.of("verbosity", "concise"))));
            mcp.ok("update_profile", Map.of("user_id", alice, "fields", nullable("role", "principal engineer",
                    "timezone", "Europe/Berlin", "Favorite Editor", "vim", "preferences",
                    Map.of("communication_style", "direct"))));
            JsonObject updated = mcp.ok("update_profile", Map.of("user_id", alice, "fields",
                    nullable("timezone", null)));

            assertThat(updated.getJsonArray("changes").getJsonObject(0).getString("field")).isEqualTo("timezone");
            JsonObject profile = mcp.ok("get_profile", Map.of("user_id", alice));
            assertThat(profile.getString("name")).isEqualTo("Alice Chen");
            assertThat(profile.getString("role")).isEqualTo("principal engineer");
            assertThat(profile.containsKey("timezone")).isFalse();
            assertThat(profile.getJsonArray("languages").getList()).containsExactly("English");
            assertThat(profile.getJsonObject("preferences").getMap())
                    .containsEntry("verbosity", "concise").containsEntry("communication_style", "direct");
            assertThat(profile.getJsonObject("custom").getString("favorite_editor")).isEqualTo("vim");
        }
    }

    @Test
    void everyChangeIsKeptInTheHistory() {
        String bob = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_profile", Map.of("user_id", bob, "fields", Map.of("role", "intern")));
            mcp.ok("update_profile", Map.of("user_id", bob, "fields", Map.of("role", "engineer")));
            JsonObject same = mcp.ok("update_profile", Map.of("user_id", bob, "fields", Map.of("role", "engineer")));
            assertThat(same.getJsonArray("changes")).isEmpty();
            assertThat(same.getString("message")).startsWith("Nothing changed");

            mcp.client().when().resourcesRead("lore://users/" + bob + "/profile/history", response -> {
                String text = response.contents().get(0).asText().text();
                assertThat(text).contains("`role`: \"intern\" → \"engineer\"", "`role`: (unset) → \"intern\"");
                assertThat(text.indexOf("\"intern\" → \"engineer\"")).as("newest first")
                        .isLessThan(text.indexOf("(unset) → \"intern\""));
            }).resourcesRead("lore://users/" + bob + "/profile", response -> assertThat(
                    response.contents().get(0).asText().text()).contains("role: engineer"))
                    .thenAssertResults();
        }
    }

    @Test
    void agentsSettingAFieldAtOnceEachChangeTheValueTheOneBeforeLeft() throws Exception {
        for (int round = 0; round < 5; round++) {
            String frank = user();
            for (String phase : List.of("new", "changed")) {
                McpCalls.atOnce(4, "update_profile", agent -> Map.of("user_id", frank,
                        "fields", Map.of("role", phase + " role " + agent)));
            }

            List<ProfileChange> history = new ArrayList<>(profiles.history(frank, 10));
            Collections.reverse(history);
            assertThat(history).as("agents setting the field of a new profile at once, then changing it at once")
                    .hasSize(8);
            assertThat(history.get(0).oldValue).isNull();
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i).oldValue).as("change %d starts from the value change %d left", i, i - 1)
                        .isEqualTo(history.get(i - 1).newValue);
            }
            try (McpCalls mcp = new McpCalls()) {
                assertThat(mcp.ok("get_profile", Map.of("user_id", frank)).getString("role"))
                        .isEqualTo(ProfileFields.read(history.get(7).newValue).asText());
            }
        }
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsWritten() {
        String carol = user();
        try (McpCalls mcp = new McpCalls()) {
            String error = mcp.error("update_profile", Map.of("user_id", carol, "fields", Map.of(
                    "timezone", "Mars/Olympus", "name", "", "role", Map.of("level", 3), "bad name!", "x")));
            assertThat(error).contains("fields.timezone must be an IANA time zone such as Europe/Berlin (got 'Mars/Olympus')",
                    "fields.name must not be empty", "fields.role must be text, a number, a boolean or a list",
                    "fields.bad name! is not a field name: a field name must be");
            assertThat(mcp.error("update_profile", Map.of("user_id", carol, "fields", Map.of())))
                    .contains("fields must name at least one field");
            assertThat(mcp.error("update_profile", Map.of("user_id", carol, "fields",
                    Map.of("bio", "x".repeat(1001))))).contains("fields.custom.bio must be at most 1000 characters (got 1001)");
            assertThat(mcp.ok("get_profile", Map.of("user_id", carol)).containsKey("updated_at")).isFalse();
        }
    }

    @Test
    void aProfileIsPrivateToItsUser() {
        String dave = user();
        String eve = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_profile", Map.of("user_id", dave, "fields", Map.of("name", "Dave")));
            assertThat(mcp.ok("get_profile", Map.of("user_id", eve)).containsKey("name")).isFalse();
            assertThat(mcp.ok("get_profile", Map.of()).getString("user_id")).isNotIn(dave, eve);
            assertThat(McpCalls.text(mcp.call("get_profile", Map.of("user_id", eve)))).contains("No profile yet");
        }
    }

    @Test
    void toolsCarryAnnotations() {
        try (McpCalls mcp = new McpCalls()) {
            mcp.client().when().toolsList(page -> {
                assertThat(page.findByName("get_profile").annotations().get().readOnlyHint()).isTrue();
                assertThat(page.findByName("update_profile").annotations().get().idempotentHint()).isTrue();
                assertThat(page.findByName("update_profile").inputSchema().getJsonArray("required").getList())
                        .isEqualTo(List.of("fields"));
            }).thenAssertResults();
        }
    }
}
