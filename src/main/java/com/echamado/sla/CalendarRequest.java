package com.echamado.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * A calendar to create or replace: a time zone (IANA name), weekly hours ({@code "08:00"}–{@code "12:00"}, end
 * exclusive, {@code "24:00"} = midnight, several per day) unless {@code alwaysOpen} (24×7), and holidays.
 */
public record CalendarRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 64) String zone,
        boolean alwaysOpen,
        @NotNull @Size(max = 100) List<@Valid @NotNull Hours> hours,
        @NotNull @Size(max = 1000) List<@Valid @NotNull Holiday> holidays) {

    static final String TIME = "^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$";

    public record Hours(
            @NotNull DayOfWeek day,
            @NotNull @Pattern(regexp = TIME) String start,
            @NotNull @Pattern(regexp = TIME) String end) {

        int startMinute() {
            return minutes(start);
        }

        int endMinute() {
            return minutes(end);
        }

        static int minutes(String time) {
            return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
        }

        static String time(int minutes) {
            return "%02d:%02d".formatted(minutes / 60, minutes % 60);
        }
    }

    public record Holiday(
            @NotNull LocalDate date,
            boolean yearly,
            @Size(max = 200) String name) {}
}
