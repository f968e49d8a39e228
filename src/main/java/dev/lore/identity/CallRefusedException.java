package dev.lore.identity;

import java.time.Duration;

/**
 * A call refused for who makes it: acting for another user, in a namespace not theirs, reviewing without the role, or
 * past the calls a minute a user may make.
 */
public class CallRefusedException extends RuntimeException {

    private CallRefusedException(String message) {
        super(message);
    }

    static CallRefusedException otherUser(String userId) {
        return new CallRefusedException("user_id " + userId
                + " is not yours: this server does not let a call act for another user");
    }

    static CallRefusedException namespace(String namespace, Grant grant) {
        return new CallRefusedException("namespace " + namespace + " is not one of yours: your access covers "
                + String.join(", ", grant.namespaces()));
    }

    static CallRefusedException rateLimited(int perMinute, Duration wait) {
        return new CallRefusedException("rate limit: at most " + perMinute + " calls a minute per user "
                + "(lore.identity.calls-per-minute); the next call is taken in "
                + Math.max(1, (wait.toMillis() + 999) / 1000) + " s");
    }

    static CallRefusedException role(Role needed, String what, Grant grant) {
        return new CallRefusedException(what + " needs the " + needed.label() + " role; your access has the "
                + grant.role().label() + " role");
    }
}
