package dev.lore.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.search.SearchEngine;
import dev.lore.search.Write;
import dev.lore.storage.Rows;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;

/**
 * Entities, their facts and their relations as an export writes them, entities first. On import an entity the store
 * knows by name under another id takes the imported one's aliases, facts and relations; of two current facts that
 * contradict each other, the newer supersedes the older, as when they are saved one after the other; a fact's later
 * state (confirmed again, superseded) wins.
 */
@ApplicationScoped
class EntityRecords implements StoreRecords<EntityLine> {

    private final EntityRepository entities;
    private final EntityService service;
    private final SearchEngine search;
    private final Rows rows;

    EntityRecords(EntityRepository entities, EntityService service, SearchEngine search, Rows rows) {
        this.entities = entities;
        this.service = service;
        this.search = search;
        this.rows = rows;
    }

    @Override
    public Class<EntityLine> type() {
        return EntityLine.class;
    }

    @Override
    public List<Tally> tally(RecordFilter filter) {
        if (!filter.takesShared()) {
            return List.of();
        }
        return Stream.of(KnownEntity.class, EntityFact.class, EntityRelation.class)
                .flatMap(type -> rows.countBy(type, "namespace", RecordFilter.IN_NAMESPACES,
                        filter.namespaceParameters()).entrySet().stream()
                        .map(count -> Tally.shared(kindOf(type), count.getKey(), count.getValue())))
                .toList();
    }

    @Override
    public void export(RecordFilter filter, Consumer<EntityLine> out) {
        if (!filter.takesShared()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        rows.each(KnownEntity.class, RecordFilter.IN_NAMESPACES, filter.namespaceParameters(), Rows.BY_TIME,
                entity -> List.of(entity.createdAt, entity.id), entity -> {
                    names.put(entity.id, entity.name);
                    out.accept(EntityLine.Entity.of(entity, entities.aliases(entity.id)));
                });
        rows.each(EntityFact.class, RecordFilter.IN_NAMESPACES, filter.namespaceParameters(), Rows.BY_TIME,
                fact -> List.of(fact.createdAt, fact.id),
                fact -> out.accept(EntityLine.Fact.of(fact, nameOf(fact.entityId, names))));
        rows.each(EntityRelation.class, RecordFilter.IN_NAMESPACES, filter.namespaceParameters(), Rows.BY_TIME,
                relation -> List.of(relation.createdAt, relation.id), relation -> out.accept(EntityLine.Relation.of(
                        relation, nameOf(relation.fromId, names), nameOf(relation.toId, names))));
    }

    @Override
    public Restored restore(EntityLine line) {
        if (line instanceof EntityLine.Entity entity) {
            return restore(entity);
        }
        if (line instanceof EntityLine.Fact fact) {
            return restore(fact);
        }
        return restore((EntityLine.Relation) line);
    }

    private Restored restore(EntityLine.Entity line) {
        return search.write(EntityService.namesOf(line.namespace()), write -> {
            Optional<KnownEntity> byId = Optional.ofNullable(entities.findById(line.id()))
                    .filter(entity -> entity.namespace.equals(line.namespace()));
            Optional<KnownEntity> known = byId.or(() -> Stream.concat(Stream.of(line.name()), line.aliases().stream())
                    .map(name -> entities.named(line.namespace(), name)).flatMap(Optional::stream).findFirst());
            if (known.isEmpty()) {
                KnownEntity created = new KnownEntity();
                created.id = line.id();
                created.namespace = line.namespace();
                created.name = line.name();
                created.type = line.type();
                created.createdAt = line.createdAt();
                created.updatedAt = line.updatedAt();
                entities.persist(created);
                addFreeAliases(created, Stream.concat(Stream.of(line.name()), line.aliases().stream()).toList());
                write.index(service.namesEntryOf(created));
                return Restored.ADDED;
            }
            KnownEntity entity = known.get();
            boolean changed = false;
            if (byId.isPresent() && line.updatedAt().isAfter(entity.updatedAt)) {
                changed = !line.name().equals(entity.name) || !Objects.equals(line.type(), entity.type);
                entity.name = line.name();
                entity.type = line.type();
                entity.updatedAt = line.updatedAt();
            } else if (entity.type == null && line.type() != null) {
                entity.type = line.type();
                changed = true;
            }
            changed |= addFreeAliases(entity, line.aliases());
            if (changed) {
                write.index(service.namesEntryOf(entity));
            }
            return changed ? Restored.UPDATED : Restored.UNCHANGED;
        });
    }

    private Restored restore(EntityLine.Fact line) {
        KnownEntity entity = search.write(EntityService.namesOf(line.namespace()),
                write -> resolve(line.namespace(), line.entityId(), line.entity(), write));
        return search.write(EntityService.factsOf(line.namespace(), entity.id), write -> {
            EntityFact stored = entities.fact(line.id());
            if (stored == null) {
                EntityFact restored = line.toFact(entity.id);
                entities.store(restored);
                if (restored.isCurrent()) {
                    settleWithCurrentFacts(restored, write);
                }
                index(entity, restored, write);
                return Restored.ADDED;
            }
            if (!line.lastConfirmedAt().isAfter(stored.lastConfirmedAt) && (line.supersededAt() == null
                    || stored.supersededAt != null && !line.supersededAt().isAfter(stored.supersededAt))) {
                return Restored.UNCHANGED;
            }
            line.withStandingInto(stored);
            index(entity, stored, write);
            return Restored.UPDATED;
        });
    }

    private Restored restore(EntityLine.Relation line) {
        return search.write(EntityService.namesOf(line.namespace()), write -> {
            if (entities.relation(line.id()) != null) {
                return Restored.UNCHANGED;
            }
            KnownEntity from = resolve(line.namespace(), line.fromId(), line.from(), write);
            KnownEntity to = resolve(line.namespace(), line.toId(), line.to(), write);
            String key = EntityNames.key(line.relation());
            if (entities.relation(line.namespace(), from.id, key, to.id).isPresent()) {
                return Restored.UNCHANGED;
            }
            EntityRelation restored = new EntityRelation();
            restored.id = line.id();
            restored.namespace = line.namespace();
            restored.fromId = from.id;
            restored.relation = line.relation();
            restored.relationKey = key;
            restored.toId = to.id;
            restored.userId = line.userId();
            restored.agentId = line.agentId();
            restored.createdAt = line.createdAt();
            entities.store(restored);
            return Restored.ADDED;
        });
    }

    /**
     * The entity a fact or relation refers to: the one with its id, else the one its name names, else a new one by
     * that name (an export always writes an entity before what refers to it; a file cut by hand may not).
     */
    private KnownEntity resolve(String namespace, String id, String name, Write write) {
        return Optional.ofNullable(entities.findById(id)).filter(entity -> entity.namespace.equals(namespace))
                .or(() -> entities.named(namespace, name))
                .orElseGet(() -> {
                    KnownEntity created = new KnownEntity();
                    created.namespace = namespace;
                    created.name = name.strip();
                    created.createdAt = write.now();
                    created.updatedAt = write.now();
                    entities.persist(created);
                    entities.addAlias(namespace, created.id, name);
                    write.index(service.namesEntryOf(created));
                    return created;
                });
    }

    /**
     * Settles a current fact put back among the entity's current facts: of two that contradict each other, the one
     * saved later supersedes the other, at the time it was saved.
     */
    private void settleWithCurrentFacts(EntityFact restored, Write write) {
        for (EntityFact other : entities.currentFacts(restored.entityId)) {
            if (other == restored) {
                continue;
            }
            boolean restoredIsNewer = restored.createdAt.isAfter(other.createdAt);
            EntityFact newer = restoredIsNewer ? restored : other;
            EntityFact older = restoredIsNewer ? other : restored;
            if (EntityService.contradicts(newer, older)) {
                older.status = EntityFact.SUPERSEDED;
                older.supersededBy = newer.id;
                older.supersededAt = newer.createdAt;
                if (older == other) {
                    write.forget(EntityService.FACTS, other.id);
                } else {
                    return;
                }
            }
        }
    }

    /** Search keeps a fact while it is current. */
    private static void index(KnownEntity entity, EntityFact fact, Write write) {
        if (fact.isCurrent()) {
            write.index(EntityService.factEntryOf(entity, fact));
        } else {
            write.forget(EntityService.FACTS, fact.id);
        }
    }

    /** Gives the entity the names no other entity of its namespace answers to; answers whether there was one. */
    private boolean addFreeAliases(KnownEntity entity, List<String> aliases) {
        boolean added = false;
        for (String alias : aliases) {
            if (entities.alias(entity.namespace, alias) == null) {
                entities.addAlias(entity.namespace, entity.id, alias);
                added = true;
            }
        }
        return added;
    }

    private String nameOf(String entityId, Map<String, String> names) {
        return names.computeIfAbsent(entityId, id -> entities.findById(id).name);
    }

    private static String kindOf(Class<?> type) {
        return type == KnownEntity.class ? "entity" : type == EntityFact.class ? "fact" : "relation";
    }
}
