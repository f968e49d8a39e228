package dev.lore.entities;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.validation.ValidationException;

import dev.lore.identity.Caller;
import dev.lore.search.IndexEntry;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchHit;
import dev.lore.search.SearchScope;
import dev.lore.search.TextVectors;

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

    /** An entity a search found: its best score, and the facts that matched. */
    public record Found(KnownEntity entity, double score, List<EntityFact> facts) {
    }

    public SavedFact saveFact(Caller caller, String name, String fact, String entityType, List<String> aliases,
            String attributeName) {
        String type = entityType == null ? null : entityType.strip().toLowerCase(Locale.ROOT);
        String attribute = attributeName == null ? null
                : attributeName.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        String text = fact.strip();
        String meaning = name.strip() + ": " + text;
        TextVectors vectors = search.embed(meaning);
        List<IndexEntry> renamed = new ArrayList<>();
        SavedFact result = search.saving(entitiesOf(caller), () -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            KnownEntity entity = resolve(caller, name, type, aliases, now, renamed);
            SearchScope ofEntity = new SearchScope(FACTS, caller.namespace(), entity.id, List.of());
            Optional<EntityFact> same = search.duplicateOf(ofEntity, meaning, vectors).map(entities::fact)
                    .filter(f -> attribute == null || attribute.equals(f.attribute));
            if (same.isPresent()) {
                EntityFact repeated = same.get();
                repeated.confirmed(now);
                search.confirmed(FACTS, repeated.id, repeated);
                return new SavedFact(entity, repeated, false, List.of());
            }
            EntityFact saved = new EntityFact();
            saved.entityId = entity.id;
            saved.namespace = caller.namespace();
            saved.fact = text;
            saved.attribute = attribute;
            saved.userId = caller.userId();
            saved.agentId = caller.agentId();
            saved.sessionId = caller.sessionId();
            saved.firstSaved(now);
            entities.store(saved);
            List<EntityFact> superseded = new ArrayList<>();
            for (EntityFact old : entities.currentFacts(entity.id)) {
                boolean sameAttribute = attribute != null && attribute.equals(old.attribute);
                if (old != saved && (sameAttribute || FactFrames.contradicts(text, old.fact))) {
                    old.status = EntityFact.SUPERSEDED;
                    old.supersededBy = saved.id;
                    old.supersededAt = now;
                    search.remove(FACTS, old.id);
                    superseded.add(old);
                }
            }
            search.index(new IndexEntry(FACTS, saved.id, caller.namespace(), entity.id, caller.sessionId(), meaning,
                    List.of(), now), vectors);
            entity.updatedAt = now;
            return new SavedFact(entity, saved, true, superseded);
        });
        search.embedCommitted(renamed);
        return result;
    }

    /** Relates two entities (creating them when new); relating them the same way again changes nothing. */
    public EntityRelation relate(Caller caller, String from, String relation, String to) {
        List<IndexEntry> renamed = new ArrayList<>();
        EntityRelation result = search.saving(entitiesOf(caller), () -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            KnownEntity source = resolve(caller, from, null, List.of(), now, renamed);
            KnownEntity target = resolve(caller, to, null, List.of(), now, renamed);
            String key = EntityNames.key(relation);
            return entities.relation(caller.namespace(), source.id, key, target.id).orElseGet(() -> {
                    EntityRelation created = new EntityRelation();
                    created.namespace = caller.namespace();
                    created.fromId = source.id;
                    created.relation = relation.strip();
                    created.relationKey = key;
                    created.toId = target.id;
                    created.userId = caller.userId();
                    created.agentId = caller.agentId();
                    created.createdAt = now;
                    entities.store(created);
                    return created;
                });
        });
        search.embedCommitted(renamed);
        return result;
    }

    public Optional<Dossier> get(String namespace, String name) {
        return entities.named(namespace, name).map(entity -> {
            List<EntityRelation> relations = entities.relationsOf(entity.id);
            Map<String, String> names = new LinkedHashMap<>();
            entities.findByIds(relations.stream().flatMap(r -> java.util.stream.Stream.of(r.fromId, r.toId)).toList())
                    .forEach(e -> names.put(e.id, e.name));
            return new Dossier(entity, entities.aliases(entity.id), entities.facts(entity.id), relations, names);
        });
    }

    /** Entities whose names or current facts answer the query, best first. */
    public List<Found> search(String namespace, String query, int limit) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<String>> matchedFacts = new LinkedHashMap<>();
        for (SearchHit hit : search.search(SearchScope.shared(NAMES, namespace, List.of()), query, limit)) {
            scores.merge(hit.itemId(), hit.score(), Math::max);
        }
        List<SearchHit> factHits = search.search(SearchScope.shared(FACTS, namespace, List.of()), query, limit * 3);
        Map<String, EntityFact> facts = new LinkedHashMap<>();
        entities.factsByIds(factHits.stream().map(SearchHit::itemId).toList()).forEach(f -> facts.put(f.id, f));
        for (SearchHit hit : factHits) {
            EntityFact fact = facts.get(hit.itemId());
            if (fact != null) {
                scores.merge(fact.entityId, hit.score(), Math::max);
                matchedFacts.computeIfAbsent(fact.entityId, e -> new ArrayList<>()).add(fact.id);
            }
        }
        Map<String, KnownEntity> byId = new LinkedHashMap<>();
        entities.findByIds(scores.keySet()).forEach(e -> byId.put(e.id, e));
        return scores.entrySet().stream()
                .filter(e -> byId.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .map(e -> new Found(byId.get(e.getKey()), e.getValue(),
                        matchedFacts.getOrDefault(e.getKey(), List.of()).stream().map(facts::get).toList()))
                .toList();
    }

    /**
     * What a save that may create entities or add facts holds: the whole namespace, since entities are found by name
     * there (two agents naming a new entity at once make one entity), and a fact's entity is not known before.
     */
    private static SearchScope entitiesOf(Caller caller) {
        return SearchScope.shared(FACTS, caller.namespace(), List.of());
    }

    /**
     * The entity a name refers to in the caller's namespace, created when it is new; adds the aliases and type given.
     * Runs in the caller's transaction; a name index entry that changed is added to {@code renamed}, to be embedded
     * once the transaction has committed.
     */
    private KnownEntity resolve(Caller caller, String name, String type, List<String> aliases, Instant now,
            List<IndexEntry> renamed) {
        Optional<KnownEntity> known = entities.named(caller.namespace(), name);
        KnownEntity entity = known.orElseGet(() -> {
            KnownEntity created = new KnownEntity();
            created.namespace = caller.namespace();
            created.name = name.strip();
            created.createdAt = now;
            created.updatedAt = now;
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
            entity.updatedAt = now;
            renamed.add(indexName(entity));
        }
        return entity;
    }

    /** Indexes the entity's name, aliases and type for keyword search; their vector comes after the commit. */
    private IndexEntry indexName(KnownEntity entity) {
        StringBuilder text = new StringBuilder(entity.name);
        entities.aliases(entity.id).forEach(a -> text.append('\n').append(a.alias));
        if (entity.type != null) {
            text.append('\n').append(entity.type);
        }
        IndexEntry entry = new IndexEntry(NAMES, entity.id, entity.namespace, null, null, text.toString(), List.of(),
                entity.createdAt);
        search.index(entry, null);
        return entry;
    }
}
