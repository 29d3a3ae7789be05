package com.echamado.platform.query;

import com.echamado.platform.web.InputLimits;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns the text of a value into the typed JDBC parameter its field needs, or rejects it. */
final class Values {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern UUID_TEXT = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    private Values() {}

    /**
     * @param text the unescaped value
     * @param position where the value starts in the expression
     * @param raw the value as written, reported as the offending token
     */
    static Object convert(QueryField field, String text, int position, String raw) {
        return switch (field.type()) {
            case TEXT -> text;
            case NUMBER -> number(field, text, position, raw);
            case UUID -> uuid(field, text, position, raw);
            case DATE_TIME -> dateTime(field, text, position, raw);
            case BOOLEAN -> bool(field, text, position, raw);
            case ENUM -> enumeration(field, text, position, raw);
        };
    }

    private static Object number(QueryField field, String text, int position, String raw) {
        if (INTEGER.matcher(text).matches()) {
            return Long.valueOf(text);
        }
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        throw invalid(field, "a number", position, raw);
    }

    private static UUID uuid(QueryField field, String text, int position, String raw) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw invalid(field, "a UUID", position, raw);
        }
        return UUID.fromString(text);
    }

    private static OffsetDateTime dateTime(QueryField field, String text, int position, String raw) {
        try {
            OffsetDateTime value;
            if (!text.contains("T")) {
                value = LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
            } else {
                TemporalAccessor parsed =
                        DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
                value = parsed instanceof OffsetDateTime withOffset
                        ? withOffset.withOffsetSameInstant(ZoneOffset.UTC)
                        : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
            }
            if (!InputLimits.storable(value)) {
                throw invalid(field, "a date between the years 1 and 9999", position, raw);
            }
            return value;
        } catch (DateTimeException e) {
            throw invalid(field, "an ISO-8601 date or date-time", position, raw);
        }
    }

    private static Boolean bool(QueryField field, String text, int position, String raw) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(field, "true or false", position, raw);
        };
    }

    private static String enumeration(QueryField field, String text, int position, String raw) {
        for (String allowed : field.values()) {
            if (allowed.equalsIgnoreCase(text)) {
                return allowed;
            }
        }
        throw invalid(field, "one of " + String.join(", ", field.values()), position, raw);
    }

    private static QuerySyntaxException invalid(QueryField field, String expected, int position, String raw) {
        return new QuerySyntaxException(
                "Value '" + raw + "' of field '" + field.name() + "' must be " + expected, position, raw);
    }
}
