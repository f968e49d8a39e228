package dev.lore.search;

import java.io.IOException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedding model could not turn a text into a vector (an Ollama server that is down or lacks the model): the
 * save or search that needed it is refused with this message, and nothing is stored.
 */
public class EmbeddingFailedException extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EmbeddingFailedException(String modelId, RuntimeException cause) {
        super("The embedding model " + modelId + " could not embed the text: " + reasonOf(cause), cause);
    }

    /**
     * What the server answered, when it answered with an error ("HTTP 404 Not Found: model "x" not found, try pulling
     * it first"); otherwise the innermost cause ("Connection refused: /127.0.0.1:11434"), since wrappers add class
     * names.
     */
    private static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (true) {
            if (root instanceof WebApplicationException refused) {
                return answerOf(refused.getResponse());
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
    }

    private static String answerOf(Response response) {
        String status = "HTTP " + response.getStatus() + " " + response.getStatusInfo().getReasonPhrase();
        try {
            String error = JSON.readTree(response.readEntity(String.class)).path("error").asText("").strip();
            return error.isEmpty() ? status : status + ": " + error;
        } catch (IOException | RuntimeException unreadable) { // not JSON, or already read: the status says enough
            return status;
        }
    }
}
