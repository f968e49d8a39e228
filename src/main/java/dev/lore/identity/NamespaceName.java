package dev.lore.identity;

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

/** A namespace name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or a digit. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = NamespaceName.PATTERN)
@ReportAsSingleViolation
@Target({ PARAMETER, FIELD, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface NamespaceName {

    String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    String message() default "{lore.namespace}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
