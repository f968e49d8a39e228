package dev.lore.search;

/**
 * The embedding model could not turn a text into a vector (an Ollama server that is down or lacks the model): the
 * save or search that needed it is refused with this message, and nothing is stored.
 */
public class EmbeddingFailedException extends RuntimeException {

    EmbeddingFailedException(String modelId, RuntimeException cause) {
        super("The embedding model " + modelId + " could not embed the text: " + reasonOf(cause), cause);
    }

    /** The innermost cause says what went wrong ("Connection refused: /127.0.0.1:11434"); wrappers add class names. */
    private static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
    }
}
