package com.echamado.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Values that parse but that PostgreSQL cannot store: text with the NUL character and instants outside the years
 * 1-9999 ({@code +300000-01-01T00:00:00Z} is valid ISO 8601). They are refused where they enter (JSON bodies, query
 * parameters, filter expressions) as a 400 naming the field, instead of failing in the database as a conflict.
 */
public final class InputLimits {

    public static final String NUL_MESSAGE = "must not contain the NUL character";
    public static final String DATE_MESSAGE = "must lie between the years 1 and 9999";

    private static final Set<Class<?>> DATES =
            Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class, LocalDate.class);

    private InputLimits() {}

    /** Whether PostgreSQL can store this date or instant (a 4-digit year, as in ISO 8601 without expansion). */
    public static boolean storable(TemporalAccessor value) {
        try {
            long year = value instanceof Instant instant
                    ? instant.atOffset(ZoneOffset.UTC).getYear()
                    : value.getLong(ChronoField.YEAR);
            return year >= 1 && year <= 9999;
        } catch (DateTimeException beyondLocalDateTime) {
            return false;
        }
    }

    /** Wraps Jackson's deserializers of text and of dates so that the values above fail like a wrong type. */
    static ValueDeserializerModifier jackson() {
        return new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription.Supplier type, ValueDeserializer<?> deserializer) {
                Class<?> raw = type.getBeanClass();
                return raw == String.class || DATES.contains(raw) ? new Checked(deserializer) : deserializer;
            }
        };
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text && text.indexOf('\0') >= 0) {
                return context.reportInputMismatch(this, NUL_MESSAGE);
            }
            if (value instanceof TemporalAccessor date && !storable(date)) {
                return context.reportInputMismatch(this, DATE_MESSAGE);
            }
            return value;
        }
    }
}
