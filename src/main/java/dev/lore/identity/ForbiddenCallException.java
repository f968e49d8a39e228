package dev.lore.identity;

/** A call asked for what its caller may not do: act for another user, work in a namespace not theirs, review. */
public class ForbiddenCallException extends RuntimeException {

    private ForbiddenCallException(String message) {
        super(message);
    }

    static ForbiddenCallException otherUser(String userId) {
        return new ForbiddenCallException("user_id " + userId
                + " is not yours: this server does not let a call act for another user");
    }

    static ForbiddenCallException namespace(String namespace, Grant grant) {
        return new ForbiddenCallException("namespace " + namespace + " is not one of yours: your access covers "
                + String.join(", ", grant.namespaces()));
    }

    static ForbiddenCallException role(Role needed, String what, Grant grant) {
        return new ForbiddenCallException(what + " needs the " + needed.label() + " role; your access has the "
                + grant.role().label() + " role");
    }
}
