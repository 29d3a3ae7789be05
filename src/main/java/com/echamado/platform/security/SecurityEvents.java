package com.echamado.platform.security;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;

/**
 * Writes security events (login success and failure, lockout, tokens issued and revoked, role changes, rate-limit
 * hits) as structured log lines on the {@code echamado.security} logger: {@code event} plus key-value details. In
 * {@code prod} every key becomes a JSON field. Never pass secrets, tokens or passwords.
 */
@Component
public class SecurityEvents {

    private static final Logger LOG = LoggerFactory.getLogger("echamado.security");

    /** Records an event; details are written in key order, so the text line reads the same on every JDK. */
    public void record(String event, Map<String, ?> details) {
        LoggingEventBuilder line = LOG.atInfo().addKeyValue("event", event);
        StringBuilder text = new StringBuilder("security event ").append(event);
        for (Map.Entry<String, ?> detail : new java.util.TreeMap<>(details).entrySet()) {
            String value = sanitize(String.valueOf(detail.getValue()));
            line = line.addKeyValue(detail.getKey(), value);
            text.append(' ').append(detail.getKey()).append('=').append(value);
        }
        line.log(text.toString());
    }

    /** Keeps a value on one line: no CR/LF injection into the log. */
    static String sanitize(String value) {
        String oneLine = value.replaceAll("[\\r\\n\\t]", "_");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) : oneLine;
    }
}
