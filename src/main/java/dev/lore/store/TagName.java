package dev.lore.store;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A tag: 1 to 50 characters, letters, digits, spaces and . _ : / # + -, starting with a letter or digit (spaces around
 * it are dropped when it is stored).
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/#+-]{0,49}\\s*")
@ReportAsSingleViolation
@Target({ PARAMETER, FIELD, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface TagName {

    String message() default "{lore.tag}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
