package dev.lore.storage;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * PostgreSQL: a transaction-scoped advisory lock on the key's hash. Its transaction reads under READ COMMITTED, so
 * without it two writers would each miss the other's uncommitted row.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "team")
class AdvisoryWriteLock implements WriteLock {

    private static final String HOLD = "SELECT true FROM pg_advisory_xact_lock(hashtextextended(:key, 0))";

    private final EntityManager em;

    AdvisoryWriteLock(EntityManager em) {
        this.em = em;
    }

    @Override
    public void holdUntilCommit(String key) {
        em.createNativeQuery(HOLD).setParameter("key", key).getSingleResult();
    }
}
