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

/** A user id: 1 to 128 characters, no control characters, not only spaces. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "(?=.*\\S)[^\\p{Cntrl}]{1,128}")
@ReportAsSingleViolation
@Target({ PARAMETER, FIELD, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface UserId {

    String message() default "{lore.user-id}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
