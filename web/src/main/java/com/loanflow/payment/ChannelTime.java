package com.loanflow.payment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The day a channel says it accepted a request ({@code acceptedAt} in its signed callbacks and status answers): the
 * channel's local time as it writes it ("2026-11-26T00:00:02"), or an instant with an offset, taken into our zone.
 */
public final class ChannelTime {

    private ChannelTime() {
    }

    /** Empty when absent or not a time (the caller falls back to its own record of the acceptance). */
    public static Optional<LocalDate> acceptedOn(String acceptedAt, ZoneId zone) {
        if (acceptedAt == null || acceptedAt.isBlank()) {
            return Optional.empty();
        }
        try {
            if (acceptedAt.endsWith("Z") || acceptedAt.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Optional.of(OffsetDateTime.parse(acceptedAt).atZoneSameInstant(zone).toLocalDate());
            }
            return Optional.of(LocalDateTime.parse(acceptedAt).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The channel's day held to the days the request can have been accepted on, from the day it was made to today (a
     * channel clock off by a day or a year says nothing more); empty when absent or not a time.
     */
    public static Optional<LocalDate> acceptedWithin(String acceptedAt, ZoneId zone, LocalDate requested, LocalDate today) {
        return acceptedOn(acceptedAt, zone).map(day -> day.isBefore(requested) ? requested : day.isAfter(today) ? today : day);
    }
}
