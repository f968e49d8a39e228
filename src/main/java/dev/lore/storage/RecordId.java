package dev.lore.storage;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.hibernate.annotations.IdGeneratorType;

/**
 * The id of a record: a time-ordered UUID (version 7) made when the record is first saved, or the one it arrives with
 * when {@code lore import} puts back a record another store exported, so that its id, and every reference to it, stay
 * what they were.
 */
@IdGeneratorType(RecordIdGenerator.class)
@Retention(RUNTIME)
@Target(FIELD)
public @interface RecordId {
}
