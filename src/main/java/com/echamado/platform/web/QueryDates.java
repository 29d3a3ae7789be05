package com.echamado.platform.web;

import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Instants in query parameters ({@code openedFrom=…}) parse as before (ISO 8601, RFC 1123 or epoch milliseconds) but
 * only within {@link InputLimits#storable the years 1-9999}; beyond them the parameter is a 400 like any malformed
 * value.
 */
@Configuration(proxyBeanMethods = false)
class QueryDates implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new StorableInstants());
    }

    private static final class StorableInstants implements Formatter<Instant> {

        private final InstantFormatter iso = new InstantFormatter();

        @Override
        public Instant parse(String text, Locale locale) throws ParseException {
            Instant instant = iso.parse(text, locale);
            if (!InputLimits.storable(instant)) {
                throw new IllegalArgumentException(InputLimits.DATE_MESSAGE);
            }
            return instant;
        }

        @Override
        public String print(Instant instant, Locale locale) {
            return iso.print(instant, locale);
        }
    }
}
