package dev.lore.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.validation.Valid;
import jakarta.validation.ValidationException;

import dev.lore.identity.Caller;
import dev.lore.search.IndexEntry;
import dev.lore.search.MergingRecord;
import dev.lore.search.Saved;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchHit;
import dev.lore.search.SearchScope;
import dev.lore.search.Write;

/**
 * Entity Memory: facts about companies, projects, people and systems, shared within a namespace. Names resolve
 * without case, punctuation or spacing, and through aliases. A repeated fact is reinforced; a newer fact that
 * contradicts a current one ({@link FactFrames}, or the same {@code attribute}) supersedes it, and the old one stays
 * in the entity's history.
 */
@ApplicationScoped
@ActivateRequestContext
public class EntityService {

    static final String FACTS = "entity_fact";
    static final String NAMES = "entity";

    private final EntityRepository entities;
    private final SearchEngine search;

    EntityService(EntityRepository entities, SearchEngine search) {
        this.entities = entities;
        this.search = search;
    }

    /** What saving a fact did: the fact (new or reinforced) and the facts it superseded. */
    public record SavedFact(KnownEntity entity, EntityFact fact, boolean created, List<EntityFact> superseded) {
    }

    /** An entity with everything known about it. */
    public record Dossier(KnownEntity entity, List<EntityAlias> aliases, List<EntityFact> facts,
            List<EntityRelation> relations, Map<String, String> names) {
    }

    /**
     * An entity a search found: its best score, the facts that matched, and the hits (on its names or its facts) that
     * found it.
     */
    public record FoundEntity(KnownEntity entity, double score, List<EntityFact> facts, List<SearchHit> hits) {
    }

    /**
     * Records a fact about the entity a name refers to (creating the entity when it is new). A fact the entity already
     * has is reinforced; a new one supersedes the current facts it contradicts ({@link FactFrames}, or the same
     * {@code attribute}).
     */
    public SavedFact saveFact(Caller caller, @Valid NewEntityFact input) {
        String type = input.entityType() == null ? null : input.entityType().strip().toLowerCase(Locale.ROOT);
        String attribute = input.attribute() == null ? null
                : input.attribute().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        String text = input.fact().strip();
        KnownEntity entity = search.write(namesOf(caller),
                write -> resolve(caller, input.entity(), type, input.aliases(), write));
        List<EntityFact> superseded = new ArrayList<>();
        Saved<EntityFact> saved = search.remember(factsOf(caller.namespace(), entity.id), meaning(entity, text),
                new MergingRecord<>(
                        id -> Optional.ofNullable(entities.fact(id)) // with another attribute, it is a new fact
                                .filter(f -> attribute == null || attribute.equals(f.attribute)),
                        write -> {
                            EntityFact fact = EntityFact.saved(caller, entity, text, attribute, write.now());
                            entities.store(fact);
                            superseded.addAll(supersede(fact, write));
                            entities.findById(entity.id).updatedAt = write.now();
                            return fact;
                        }, (repeated, write) -> {
                            repeated.confirmed(write.now());
                            return false;
                        }, fact -> factEntryOf(entity, fact)));
        return new SavedFact(entity, saved.record(), saved.created(), superseded);
    }

    /** Relates two entities (creating them when new); relating them the same way again changes nothing. */
    public Saved<EntityRelation> relate(Caller caller, @Valid NewRelation input) {
        return search.write(namesOf(caller), write -> {
            KnownEntity source = resolve(caller, input.from(), null, List.of(), write);
            KnownEntity target = resolve(caller, input.to(), null, List.of(), write);
            String key = EntityNames.key(input.relation());
            return entities.relation(caller.namespace(), source.id, key, target.id)
                    .map(known -> new Saved<>(known, false)).orElseGet(() -> {
                        EntityRelation created = new EntityRelation();
                        created.namespace = caller.namespace();
                        created.fromId = source.id;
                        created.relation = input.relation().strip();
                        created.relationKey = key;
                        created.toId = target.id;
                        created.userId = caller.userId();
                        created.agentId = caller.agentId();
                        created.createdAt = write.now();
                        entities.store(created);
                        return new Saved<>(created, true);
                    });
        });
    }

    public Optional<Dossier> get(String namespace, String name) {
        return entities.named(namespace, name).map(entity -> {
            List<EntityRelation> relations = entities.relationsOf(entity.id);
            Map<String, String> names = new LinkedHashMap<>();
            entities.withIds(relations.stream().flatMap(r -> java.util.stream.Stream.of(r.fromId, r.toId)).toList())
                    .forEach(e -> names.put(e.id, e.name));
            return new Dossier(entity, entities.aliases(entity.id), entities.facts(entity.id), relations, names);
        });
    }

    /** The entity's facts that are true now, newest first. */
    public List<EntityFact> currentFacts(String entityId) {
        return entities.facts(entityId).stream().filter(EntityFact::isCurrent).toList();
    }

    /** Entities whose names or current facts answer the query, best first. */
    public List<FoundEntity> search(String namespace, String query, int limit) {
        Map<String, List<SearchHit>> hitsByEntity = new LinkedHashMap<>();
        Map<String, List<String>> matchedFacts = new LinkedHashMap<>();
        for (SearchHit hit : search.search(SearchScope.shared(NAMES, namespace, List.of()), query, limit)) {
            hitsByEntity.computeIfAbsent(hit.itemId(), e -> new ArrayList<>()).add(hit);
        }
        List<SearchHit> factHits = search.search(SearchScope.shared(FACTS, namespace, List.of()), query, limit * 3);
        Map<String, EntityFact> facts = new LinkedHashMap<>();
        entities.factsByIds(factHits.stream().map(SearchHit::itemId).toList()).forEach(f -> facts.put(f.id, f));
        for (SearchHit hit : factHits) {
            EntityFact fact = facts.get(hit.itemId());
            if (fact != null) {
                hitsByEntity.computeIfAbsent(fact.entityId, e -> new ArrayList<>()).add(hit);
                matchedFacts.computeIfAbsent(fact.entityId, e -> new ArrayList<>()).add(fact.id);
            }
        }
        Map<String, KnownEntity> byId = new LinkedHashMap<>();
        entities.withIds(hitsByEntity.keySet()).forEach(e -> byId.put(e.id, e));
        return hitsByEntity.entrySet().stream()
                .filter(e -> byId.containsKey(e.getKey()))
                .map(e -> new FoundEntity(byId.get(e.getKey()),
                        e.getValue().stream().mapToDouble(SearchHit::score).max().orElse(0),
                        matchedFacts.getOrDefault(e.getKey(), List.of()).stream().map(facts::get).toList(),
                        e.getValue()))
                .sorted(Comparator.comparingDouble(FoundEntity::score).reversed())
                .limit(limit)
                .toList();
    }

    /**
     * What a write that may create entities holds: the whole namespace, since entities are found by name there (two
     * agents naming a new entity at once make one entity).
     */
    private static SearchScope namesOf(Caller caller) {
        return namesOf(caller.namespace());
    }

    static SearchScope namesOf(String namespace) {
        return SearchScope.shared(NAMES, namespace, List.of());
    }

    /**
     * Marks the entity's current facts that the new one contradicts (the same attribute, or the same frame with another
     * value) as superseded by it, and takes them out of search; returns them.
     */
    private List<EntityFact> supersede(EntityFact newer, Write write) {
        List<EntityFact> superseded = new ArrayList<>();
        for (EntityFact old : entities.currentFacts(newer.entityId)) {
            if (old != newer && contradicts(newer, old)) {
                old.status = EntityFact.SUPERSEDED;
                old.supersededBy = newer.id;
                old.supersededAt = write.now();
                write.forget(FACTS, old.id);
                superseded.add(old);
            }
        }
        return superseded;
    }

    /** Whether a newer fact says something else of what an older one says: the same attribute, or the same frame. */
    static boolean contradicts(EntityFact newer, EntityFact older) {
        boolean sameAttribute = newer.attribute != null && newer.attribute.equals(older.attribute);
        return sameAttribute || FactFrames.contradicts(newer.fact, older.fact);
    }

    /** What a fact says, as search matches it: whose fact it is, and the fact. */
    private static String meaning(KnownEntity entity, String fact) {
        return entity.name + ": " + fact;
    }

    /** What search keeps of a current fact. */
    static IndexEntry factEntryOf(KnownEntity entity, EntityFact fact) {
        return new IndexEntry(FACTS, fact.id, fact.namespace, fact.entityId, fact.sessionId,
                meaning(entity, fact.fact), List.of(), fact);
    }

    /** An entity's facts: a new fact is measured against them, and supersedes those it contradicts. */
    static SearchScope factsOf(String namespace, String entityId) {
        return new SearchScope(FACTS, namespace, entityId, List.of());
    }

    /**
     * The entity a name refers to in the caller's namespace, created when it is new; adds the aliases and type given.
     * An entity whose names or type changed is indexed again (its vector comes once the write has committed).
     */
    private KnownEntity resolve(Caller caller, String name, String type, List<String> aliases, Write write) {
        Optional<KnownEntity> known = entities.named(caller.namespace(), name);
        KnownEntity entity = known.orElseGet(() -> {
            KnownEntity created = new KnownEntity();
            created.namespace = caller.namespace();
            created.name = name.strip();
            created.createdAt = write.now();
            created.updatedAt = write.now();
            entities.persist(created);
            entities.addAlias(caller.namespace(), created.id, name);
            return created;
        });
        boolean changed = known.isEmpty();
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            EntityAlias existing = entities.alias(caller.namespace(), alias);
            if (existing == null) {
                entities.addAlias(caller.namespace(), entity.id, alias);
                changed = true;
            } else if (!existing.entityId.equals(entity.id)) {
                throw new ValidationException("alias '" + alias.strip() + "' already names another entity ("
                        + entities.findById(existing.entityId).name + ")");
            }
        }
        if (type != null && !type.equals(entity.type)) {
            entity.type = type;
            changed = true;
        }
        if (changed) {
            entity.updatedAt = write.now();
            write.index(namesEntryOf(entity));
        }
        return entity;
    }

    /** What keyword and semantic search match an entity on: its name, aliases and type. */
    IndexEntry namesEntryOf(KnownEntity entity) {
        StringBuilder text = new StringBuilder(entity.name);
        entities.aliases(entity.id).forEach(a -> text.append('\n').append(a.alias));
        if (entity.type != null) {
            text.append('\n').append(entity.type);
        }
        return new IndexEntry(NAMES, entity.id, entity.namespace, null, null, text.toString(), List.of(),
                IndexEntry.savedOnce(entity.createdAt));
    }
}
