package dev.lore.capture;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a client hook hands its command on stdin (Claude Code's Stop, PreCompact and SessionEnd hooks, and clients that
 * copy their format): the conversation's id, where its transcript is, and which event fired.
 */
public record HookPayload(String sessionId, String transcriptPath, String cwd, String hookEventName) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a payload; one that names no transcript cannot be learned from. */
    public static HookPayload read(String json) {
        JsonNode payload;
        try {
            payload = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("The hook's input is not JSON: " + e.getMessage());
        }
        if (payload == null || !payload.path("transcript_path").isTextual()
                || payload.get("transcript_path").asText().isBlank()) {
            throw new IllegalArgumentException("The hook's input names no transcript_path (is this a hook that "
                    + "carries one, such as Claude Code's Stop, PreCompact or SessionEnd?)");
        }
        return new HookPayload(payload.path("session_id").asText(null), payload.get("transcript_path").asText(),
                payload.path("cwd").asText(null), payload.path("hook_event_name").asText(null));
    }
}
