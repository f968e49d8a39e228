package dev.lore.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores a JSON value in one text column, and reads it back as a tree. */
@Converter
public class JsonNodeConverter implements AttributeConverter<JsonNode, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(JsonNode value) {
        return value == null ? null : value.toString();
    }

    @Override
    public JsonNode convertToEntityAttribute(String column) {
        try {
            return column == null ? null : JSON.readTree(column);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
