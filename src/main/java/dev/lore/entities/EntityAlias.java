package dev.lore.entities;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A name an entity answers to, in its normalised form ({@link EntityNames#key}). */
@Entity
@Table(name = "entity_alias")
@IdClass(EntityAlias.Key.class)
public class EntityAlias {

    @Id
    public String namespace;

    @Id
    @Column(name = "alias_key")
    public String aliasKey;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    /** The name as it was written. */
    @Column(nullable = false)
    public String alias;

    public static class Key implements Serializable {
        public String namespace;
        public String aliasKey;

        public Key() {
        }

        Key(String namespace, String aliasKey) {
            this.namespace = namespace;
            this.aliasKey = aliasKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(namespace, key.namespace)
                    && Objects.equals(aliasKey, key.aliasKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(namespace, aliasKey);
        }
    }
}
