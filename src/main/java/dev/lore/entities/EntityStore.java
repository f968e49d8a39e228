package dev.lore.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.identity.Caller;
import dev.lore.search.Saved;
import dev.lore.store.Learned;
import dev.lore.store.LearningStore;
import dev.lore.store.RecallPart;
import dev.lore.store.RecallRequest;
import dev.lore.store.RecallSlot;
import dev.lore.store.StoreRecords;

/**
 * Entity Memory as a learning store: the namespace's entities that bear on the recall's query, each with the facts
 * that matched it (or, found by name, its latest current facts).
 */
@ApplicationScoped
public class EntityStore implements LearningStore<EntityKnowledge> {

    static final int RECALLED = 3;
    static final int FACTS_SHOWN = 3;

    private final EntityService entities;
    private final EntityRecords records;

    EntityStore(EntityService entities, EntityRecords records) {
        this.entities = entities;
        this.records = records;
    }

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public RecallSlot recallSlot() {
        return new RecallSlot(400, 0.25);
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        if (!request.hasQuery()) {
            return RecallPart.NONE;
        }
        return new RecallPart("## Entities relevant to \"" + request.query() + "\"",
                entities.search(request.caller().namespace(), request.query(), RECALLED).stream()
                        .filter(found -> found.hits().stream().anyMatch(request::bearsOn))
                        .map(this::line).toList());
    }

    private String line(EntityService.FoundEntity found) {
        List<EntityFact> facts = found.facts().isEmpty() ? entities.currentFacts(found.entity().id) : found.facts();
        return "- " + found.entity().name + (found.entity().type == null ? "" : " (" + found.entity().type + ")")
                + (facts.isEmpty() ? "" : ": " + facts.stream().limit(FACTS_SHOWN).map(f -> f.fact)
                        .collect(Collectors.joining("; ")));
    }

    @Override
    public Class<EntityKnowledge> knowledgeType() {
        return EntityKnowledge.class;
    }

    @Override
    public Optional<String> extractionGuide() {
        return Optional.of("""
            Facts about named things the conversation is about (companies, projects, people, systems): each fact a \
            sentence about one entity (attribute names the property it sets, such as ceo or version, when there is \
            one); relations say how two entities relate ("works at", "depends on").""");
    }

    @Override
    public List<Learned> learn(Caller caller, List<EntityKnowledge> knowledge) {
        List<Learned> learned = new ArrayList<>();
        for (EntityKnowledge item : knowledge) {
            for (NewEntityFact fact : item.facts() == null ? List.<NewEntityFact>of() : item.facts()) {
                EntityService.SavedFact saved = entities.saveFact(caller, fact);
                learned.add(Learned.saved(name(), saved.fact().id, saved.created()));
            }
            for (NewRelation relation : item.relations() == null ? List.<NewRelation>of() : item.relations()) {
                Saved<EntityRelation> saved = entities.relate(caller, relation);
                learned.add(new Learned(name(), saved.record().id,
                        saved.created() ? Learned.Outcome.CREATED : Learned.Outcome.UNCHANGED));
            }
        }
        return learned;
    }

    @Override
    public StoreRecords<EntityLine> records() {
        return records;
    }
}
