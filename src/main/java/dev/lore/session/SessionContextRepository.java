package dev.lore.session;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class SessionContextRepository implements PanacheRepositoryBase<SessionContext, SessionContext.Key> {

    Optional<SessionContext> find(String userId, String sessionId) {
        return findByIdOptional(new SessionContext.Key(userId, sessionId));
    }
}
