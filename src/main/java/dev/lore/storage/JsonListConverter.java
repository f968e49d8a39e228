package dev.lore.storage;

import java.util.List;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores a list of values in one text column, as a JSON array; a subclass names the element type. */
public abstract class JsonListConverter<T> implements AttributeConverter<List<T>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TypeReference<List<T>> type;

    protected JsonListConverter(TypeReference<List<T>> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(List<T> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the list cannot be written as JSON", e);
        }
    }

    @Override
    public List<T> convertToEntityAttribute(String column) {
        try {
            return column == null || column.isBlank() ? List.of() : List.copyOf(JSON.readValue(column, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not the expected JSON array: " + column, e);
        }
    }
}
