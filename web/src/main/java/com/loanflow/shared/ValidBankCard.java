package com.loanflow.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A 16–19 digit bank card number (mainland debit cards) passing the Luhn check. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidBankCard.Validator.class)
public @interface ValidBankCard {

    String message() default "is not a valid bank card number (16-19 digits, Luhn check)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidBankCard, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Luhn.isValid(value);
        }
    }
}
