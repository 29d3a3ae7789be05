package com.echamado.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps {@code /metrics} clean for {@code promtool check metrics} (the rehearsal's T10 and
 * {@code ScrapedMetricsIntegrationTests}): every family has HELP text, and meters whose Prometheus names break its
 * rules are not exported.
 *
 * <ul>
 *   <li>Not exported: Micrometer's {@code http.server.requests} (no HELP; this service exports its own
 *       {@code http_requests_total} and {@code http_request_duration_seconds}, which the alerts, the dashboard and the
 *       HPA use: the same work measured twice per request); Spring Security's observation meters (no HELP, a
 *       camelCase name per filter, nothing queries them); {@code jvm.compilation.time} and {@code process.cpu.time}
 *       (abbreviated units {@code _ms}, {@code _ns}; {@code process_cpu_usage} stays); {@code system.cpu.count} (a
 *       gauge ending in {@code _count}).
 *   <li>Meters registered without a description by libraries (RabbitMQ client, Tomcat sessions, scheduled tasks…)
 *       get one.
 * </ul>
 */
final class PrometheusConventions implements MeterFilter {

    static final List<String> DENIED_PREFIXES = List.of("http.server.requests", "spring.security.");
    static final List<String> DENIED_NAMES = List.of("jvm.compilation.time", "process.cpu.time", "system.cpu.count");

    private static final Map<String, String> FAMILIES = Map.of(
            "rabbitmq.", "RabbitMQ client",
            "tomcat.sessions.", "Tomcat HTTP sessions",
            "tasks.scheduled.", "Scheduled tasks",
            "executor.", "Task executor",
            "spring.data.repository.", "Spring Data repository calls");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        if (DENIED_NAMES.contains(name) || DENIED_PREFIXES.stream().anyMatch(name::startsWith)) {
            return MeterFilterReply.DENY;
        }
        return MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getDescription() != null && !id.getDescription().isBlank()) {
            return id;
        }
        return new Meter.Id(
                id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), describe(id.getName()), id.getType());
    }

    /** "rabbitmq.not.acknowledged.published" → "RabbitMQ client: not acknowledged published". */
    static String describe(String name) {
        for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
            if (name.startsWith(family.getKey())) {
                return family.getValue() + ": "
                        + words(name.substring(family.getKey().length()));
            }
        }
        return words(name);
    }

    private static String words(String dotted) {
        String text = dotted.replace('.', ' ').replace('_', ' ');
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
