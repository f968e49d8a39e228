package dev.lore.entities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How one entity relates to another: Alice "works at" Acme Corp.
 *
 * @param from the entity the relation starts from
 * @param relation the relation, e.g. "works at", "depends on"
 * @param to the entity it points to
 */
public record NewRelation(
        @NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String from,
        @NotBlank @Size(max = RELATION_MAX) @HasLetterOrDigit String relation,
        @NotBlank @Size(max = NewEntityFact.NAME_MAX) @HasLetterOrDigit String to) {

    public static final int RELATION_MAX = 100;
}
