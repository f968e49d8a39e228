package dev.lore.session;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.lore.storage.JsonListConverter;

/** Lists of records kept in one text column as JSON. */
final class JsonColumn {

    private JsonColumn() {
    }

    @Converter
    static class Plan extends JsonListConverter<PlanStep> {
        Plan() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    static class Progress extends JsonListConverter<ProgressNote> {
        Progress() {
            super(new TypeReference<>() {
            });
        }
    }
}
