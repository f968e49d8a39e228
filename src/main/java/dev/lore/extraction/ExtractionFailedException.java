package dev.lore.extraction;

/**
 * The model could not be used for a conversation. {@link #retryable()} tells a model that could not be reached (worth
 * trying again later) from one whose answers were not what was asked for twice in a row (not worth it).
 */
public class ExtractionFailedException extends RuntimeException {

    private final boolean retryable;

    ExtractionFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
