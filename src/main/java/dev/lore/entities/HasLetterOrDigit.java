package dev.lore.entities;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name that still says something once case, accents and punctuation are set aside ({@link EntityNames#key}):
 * "---" names nothing, so it cannot name an entity or a relation.
 */
@Documented
@Constraint(validatedBy = HasLetterOrDigit.Check.class)
@Target({ PARAMETER, FIELD, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface HasLetterOrDigit {

    String message() default "{lore.name}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<HasLetterOrDigit, String> {

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            return name == null || !EntityNames.key(name).isEmpty();
        }
    }
}
