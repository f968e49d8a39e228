package dev.lore.session;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lists of records kept in one text column as JSON. */
final class JsonColumn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumn() {
    }

    static <T> String write(List<T> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + values, e);
        }
    }

    static <T> List<T> read(String column, TypeReference<List<T>> type) {
        try {
            return column == null || column.isBlank() ? List.of() : List.copyOf(JSON.readValue(column, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored column is not the expected JSON: " + column, e);
        }
    }

    @Converter
    static class Plan implements AttributeConverter<List<PlanStep>, String> {
        @Override
        public String convertToDatabaseColumn(List<PlanStep> steps) {
            return write(steps);
        }

        @Override
        public List<PlanStep> convertToEntityAttribute(String column) {
            return read(column, new TypeReference<>() {
            });
        }
    }

    @Converter
    static class Progress implements AttributeConverter<List<ProgressNote>, String> {
        @Override
        public String convertToDatabaseColumn(List<ProgressNote> notes) {
            return write(notes);
        }

        @Override
        public List<ProgressNote> convertToEntityAttribute(String column) {
            return read(column, new TypeReference<>() {
            });
        }
    }
}
