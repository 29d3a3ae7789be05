package com.echamado.platform.messaging;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.modulith.events.Externalized;
import org.springframework.util.ClassUtils;

/**
 * The externalised event types of the application: each {@link DomainEvent} record annotated with {@code
 * @Externalized("echamado.events::ticket.opened")} is known by its routing key ({@code ticket.opened}).
 */
public class EventTypes {

    private final Map<String, Class<? extends DomainEvent>> byName = new TreeMap<>();
    private final Map<Class<?>, String> byClass = new ConcurrentHashMap<>();

    EventTypes(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
        for (var candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), getClass().getClassLoader());
            if (DomainEvent.class.isAssignableFrom(type) && type.isAnnotationPresent(Externalized.class)) {
                register(type.asSubclass(DomainEvent.class));
            }
        }
    }

    private void register(Class<? extends DomainEvent> type) {
        String name = routingKey(type);
        Class<?> previous = byName.put(name, type);
        if (previous != null) {
            throw new IllegalStateException("Two events share the type " + name + ": " + previous + ", " + type);
        }
        byClass.put(type, name);
    }

    static String routingKey(Class<?> type) {
        Externalized externalized = AnnotatedElementUtils.findMergedAnnotation(type, Externalized.class);
        if (externalized == null || externalized.value().isBlank()) {
            throw new IllegalStateException(type + " is not @Externalized with a target");
        }
        String target = externalized.value();
        int separator = target.indexOf("::");
        return separator < 0 ? target : target.substring(separator + 2);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public String nameOf(DomainEvent event) {
        return byClass.computeIfAbsent(event.getClass(), EventTypes::routingKey);
    }

    public Class<? extends DomainEvent> classOf(String name) {
        Class<? extends DomainEvent> type = byName.get(name);
        if (type == null) {
            throw new IllegalArgumentException("Unknown event type " + name);
        }
        return type;
    }

    /** Whether a subscription pattern names a known type or matches at least one. */
    public boolean matchesAny(String pattern) {
        return byName.keySet().stream().anyMatch(name -> RoutingKeys.matches(pattern, name));
    }
}
