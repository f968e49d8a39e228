package dev.lore.entities;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class EntityRepository implements PanacheRepositoryBase<KnownEntity, String> {

    /** The entity a name (or one of its aliases) refers to in a namespace. */
    Optional<KnownEntity> named(String namespace, String name) {
        return Optional.ofNullable(alias(namespace, name)).flatMap(alias -> findByIdOptional(alias.entityId));
    }

    List<KnownEntity> withIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    List<EntityAlias> aliases(String entityId) {
        return getEntityManager().createQuery("from EntityAlias a where a.entityId = ?1 order by a.alias",
                EntityAlias.class).setParameter(1, entityId).getResultList();
    }

    void addAlias(String namespace, String entityId, String alias) {
        EntityAlias row = new EntityAlias();
        row.namespace = namespace;
        row.aliasKey = EntityNames.key(alias);
        row.entityId = entityId;
        row.alias = alias.strip();
        getEntityManager().persist(row);
    }

    EntityAlias alias(String namespace, String alias) {
        return getEntityManager().find(EntityAlias.class, new EntityAlias.Key(namespace, EntityNames.key(alias)));
    }

    List<EntityFact> facts(String entityId) {
        return getEntityManager().createQuery("from EntityFact f where f.entityId = ?1 order by f.createdAt desc, f.id desc",
                EntityFact.class).setParameter(1, entityId).getResultList();
    }

    List<EntityFact> currentFacts(String entityId) {
        return getEntityManager().createQuery("from EntityFact f where f.entityId = ?1 and f.status = ?2",
                EntityFact.class).setParameter(1, entityId).setParameter(2, EntityFact.CURRENT).getResultList();
    }

    EntityFact fact(String id) {
        return getEntityManager().find(EntityFact.class, id);
    }

    List<EntityFact> factsByIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : getEntityManager().createQuery("from EntityFact f where f.id in ?1", EntityFact.class)
                        .setParameter(1, ids).getResultList();
    }

    Optional<EntityRelation> relation(String namespace, String fromId, String relationKey, String toId) {
        return getEntityManager().createQuery("""
                from EntityRelation r where r.namespace = ?1 and r.fromId = ?2 and r.relationKey = ?3 and r.toId = ?4""",
                EntityRelation.class).setParameter(1, namespace).setParameter(2, fromId).setParameter(3, relationKey)
                .setParameter(4, toId).setMaxResults(1).getResultList().stream().findFirst();
    }

    EntityRelation relation(String id) {
        return getEntityManager().find(EntityRelation.class, id);
    }

    List<EntityRelation> relationsOf(String entityId) {
        return getEntityManager().createQuery("""
                from EntityRelation r where r.fromId = ?1 or r.toId = ?1 order by r.createdAt, r.id""",
                EntityRelation.class).setParameter(1, entityId).getResultList();
    }

    /** Stores a fact or a relation (the entity's own rows go through {@link #persist}). */
    void store(Object row) {
        getEntityManager().persist(row);
    }
}
