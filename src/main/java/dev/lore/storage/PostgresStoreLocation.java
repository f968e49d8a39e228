package dev.lore.storage;

import java.util.OptionalLong;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.IfBuildProperty;

/** The team store: a PostgreSQL database, all of whose room Lore's tables take. */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "team")
class PostgresStoreLocation implements StoreLocation {

    private static final String SIZE = "SELECT pg_database_size(current_database())";

    private final EntityManager em;
    private final String url;

    PostgresStoreLocation(EntityManager em, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.em = em;
        this.url = url;
    }

    @Override
    public String describe() {
        return "PostgreSQL database " + url;
    }

    @Override
    @ActivateRequestContext
    public OptionalLong sizeInBytes() {
        return OptionalLong.of(((Number) em.createNativeQuery(SIZE).getSingleResult()).longValue());
    }
}
