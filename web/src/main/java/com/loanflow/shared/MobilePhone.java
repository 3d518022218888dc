package com.loanflow.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A mainland China mobile number: 11 digits starting 13–19. */
@Pattern(regexp = "1[3-9]\\d{9}")
@ReportAsSingleViolation
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
public @interface MobilePhone {

    String message() default "must be an 11-digit mainland mobile number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
