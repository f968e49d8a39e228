package dev.lore.entities;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * What a conversation says about named things, as extraction finds it: facts about entities, and how entities relate.
 *
 * @param facts facts about entities, or {@code null}
 * @param relations how entities relate, or {@code null}
 */
public record EntityKnowledge(
        @Size(max = ITEMS_MAX, message = "{lore.size.items}") List<@Valid NewEntityFact> facts,
        @Size(max = ITEMS_MAX, message = "{lore.size.items}") List<@Valid NewRelation> relations) {

    public static final int ITEMS_MAX = 50;
}
