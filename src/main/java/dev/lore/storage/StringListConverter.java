package dev.lore.storage;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.type.TypeReference;

/** Stores a list of strings (tags, topics, goals...) in one text column, as a JSON array. */
@Converter
public class StringListConverter extends JsonListConverter<String> {

    public StringListConverter() {
        super(new TypeReference<>() {
        });
    }
}
