package com.loanflow.workers.platform;

import java.util.function.Supplier;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * A technical failure that may pass on its own (I/O, a 5xx, a provider timeout): the task is retried with backoff.
 * Any other exception from a handler is not expected to pass and becomes an incident at once.
 */
public class RetryableFailure extends RuntimeException {

    public RetryableFailure(String message) {
        super(message);
    }

    public RetryableFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs an HTTP call, turning I/O errors and 5xx answers into retryable failures; 4xx stay as they are. */
    public static <T> T translating(String call, Supplier<T> http) {
        try {
            return http.get();
        } catch (ResourceAccessException e) {
            throw new RetryableFailure(call + " unreachable: " + e.getMessage(), e);
        } catch (HttpServerErrorException e) {
            throw new RetryableFailure(call + " answered " + e.getStatusCode().value(), e);
        }
    }
}
