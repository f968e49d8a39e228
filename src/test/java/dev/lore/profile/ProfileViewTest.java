package dev.lore.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProfileViewTest {

    static ProfileField field(String name, String json, String updatedAt) {
        ProfileField field = new ProfileField();
        field.userId = "alice";
        field.field = name;
        field.value = json;
        field.updatedAt = Instant.parse(updatedAt);
        return field;
    }

    @Test
    void theProfileWasUpdatedWhenItsLatestFieldWas() {
        ProfileView view = ProfileView.of("alice", List.of(
                field("role", "\"engineer\"", "2026-11-24T10:00:00.500Z"),
                field("name", "\"Alice\"", "2026-11-24T10:00:00Z")));
        assertThat(view.updatedAt()).isEqualTo("2026-11-24T10:00:00.500Z");
    }
}
