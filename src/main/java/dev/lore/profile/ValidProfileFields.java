package dev.lore.profile;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A profile update that {@link ProfileFields} can take: each problem is reported on its own field
 * ({@code fields.timezone must be an IANA time zone ...}).
 */
@Documented
@Constraint(validatedBy = ValidProfileFields.Check.class)
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface ValidProfileFields {

    String message() default "{lore.profile.empty}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidProfileFields, Map<String, Object>> {

        @Override
        public boolean isValid(Map<String, Object> fields, ConstraintValidatorContext context) {
            HibernateConstraintValidatorContext problems = context.unwrap(HibernateConstraintValidatorContext.class);
            problems.disableDefaultConstraintViolation();
            boolean[] valid = { true };
            ProfileFields.check(fields, (field, message, parameters) -> {
                valid[0] = false;
                parameters.forEach(problems::addMessageParameter);
                var violation = problems.buildConstraintViolationWithTemplate(message);
                if (field.isEmpty()) {
                    violation.addConstraintViolation();
                } else {
                    violation.addPropertyNode(field).addConstraintViolation();
                }
            });
            return valid[0];
        }
    }
}
