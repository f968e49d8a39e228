package dev.lore.identity;

/** A call named a user other than the caller where that is not allowed. */
public class ForbiddenUserException extends RuntimeException {

    public ForbiddenUserException(String userId) {
        super("user_id " + userId + " is not yours: this server does not let a call act for another user");
    }
}
