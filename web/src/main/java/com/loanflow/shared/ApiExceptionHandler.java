package com.loanflow.shared;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The single exception → HTTP mapping for the borrower and internal APIs. Not limited to this code's packages: a
 * request no controller matched (an unknown path, a wrong method) is decided by Spring's own handlers, and should
 * get the same error body.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.toError());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(ApiError.FieldError::field))
                .toList();
        return ResponseEntity.badRequest()
                .body(new ApiError("VALIDATION_FAILED", "Request has invalid fields", fields));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.loanflow.platform.RequestSizeLimitFilter.PayloadTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(new ApiError("PAYLOAD_TOO_LARGE", tooLarge.getMessage(), List.of()));
            }
        }
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            if (mapping.getPath().isEmpty()) {
                return ResponseEntity.badRequest().body(new ApiError("MALFORMED_REQUEST",
                        "Request body must be a JSON object with the documented fields", List.of()));
            }
            String message = mapping instanceof InvalidFormatException ? "has the wrong format"
                    : mapping instanceof MismatchedInputException ? "has the wrong type"
                    : mapping.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException
                    ? "is out of range" : "is not valid";
            return ResponseEntity.badRequest().body(new ApiError("VALIDATION_FAILED", "Request has invalid fields",
                    List.of(new ApiError.FieldError(field(mapping.getPath()), message))));
        }
        if (e.getCause() == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return ResponseEntity.badRequest().body(new ApiError("MALFORMED_REQUEST", "Request body is required",
                    List.of()));
        }
        return ResponseEntity.badRequest().body(new ApiError("MALFORMED_REQUEST", "Request body is not valid JSON", List.of()));
    }

    /** The JSON path of a bad value as a client names it: {@code consents[0].type}. */
    static String field(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (var reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** A query or path parameter of the wrong type (limit=abc, type=FOO): named, with what it must be. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "of the right type"
                : type.isEnum() ? "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                        .map(Object::toString).toList())
                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number" : "a valid " + type.getSimpleName();
        return ResponseEntity.badRequest().body(new ApiError("VALIDATION_FAILED", "Request has invalid fields",
                List.of(new ApiError.FieldError(e.getName(), "must be " + expected))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(new ApiError("VALIDATION_FAILED", "Request has invalid fields",
                List.of(new ApiError.FieldError(e.getParameterName(), "parameter is required"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return ResponseEntity.badRequest().body(new ApiError("VALIDATION_FAILED", "Request has invalid fields",
                List.of(new ApiError.FieldError(e.getHeaderName(), "header is required"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send application/json", List.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new ApiError("METHOD_NOT_ALLOWED", e.getMessage(), List.of()));
    }

    /**
     * No endpoint takes multipart, but the dispatcher parses such a body before any handler is chosen: a broken or
     * oversized one failed there with a 500 and a logged stack trace, for anyone, without a login.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ApiError> multipart(org.springframework.web.multipart.MultipartException e) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(new ApiError("PAYLOAD_TOO_LARGE", "Request body too large", List.of()));
        }
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send application/json", List.of()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("NOT_FOUND", "No such resource", List.of()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ApiError> concurrent(OptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ApiError("CONCURRENT_UPDATE", "The resource changed concurrently; retry", List.of()));
    }

    /** The engine's own version check lost a race (e.g. a withdrawal and a reviewer's decision at the same time). */
    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ResponseEntity<ApiError> engineConcurrent(org.camunda.bpm.engine.OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ApiError("CONCURRENT_UPDATE", "The resource changed concurrently; retry", List.of()));
    }

    /** Anything unexpected: a stable code and an incident id for support, never a stack trace or personal data. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse known) {
            // Spring's own 4xx (type mismatch, missing parameter, ...) keep their status in our error format
            var status = known.getStatusCode();
            return ResponseEntity.status(status).body(new ApiError(status.is4xxClientError() ? "BAD_REQUEST"
                    : "SERVER_ERROR", "Request could not be processed", List.of()));
        }
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("INTERNAL_ERROR", "Unexpected error; incident " + incident, List.of()));
    }
}
