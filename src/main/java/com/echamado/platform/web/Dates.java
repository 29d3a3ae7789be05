package com.echamado.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times in the viewer's language and time zone (the web shell resolves both per request), for templates:
 * {@code ${@dates.format(x)}}.
 */
@Component("dates")
public class Dates {

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(LocaleContextHolder.getTimeZone().toZoneId())
                .format(instant);
    }

    /** A day as people of the viewer's language write it. */
    public String day(LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(LocaleContextHolder.getLocale())
                        .format(day);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
