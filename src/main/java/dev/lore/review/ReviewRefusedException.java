package dev.lore.review;

import jakarta.validation.ValidationException;

/**
 * A review that cannot be done as asked: no such proposal, one already decided, one the reviewer may not decide. Its
 * message says which, and reaches a tool's caller as the tool's error.
 */
public class ReviewRefusedException extends ValidationException {

    ReviewRefusedException(String message) {
        super(message);
    }
}
