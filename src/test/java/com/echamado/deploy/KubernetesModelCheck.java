package com.echamado.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates rendered manifests against the fabric8 Kubernetes model: a wrong type fails deserialisation, and an
 * unknown field (a typo such as {@code replicaz}) lands in some object's {@code additionalProperties}, which is
 * reported with its path.
 */
final class KubernetesModelCheck {

    /**
     * Packages of the typed models walked: Kubernetes itself, and the custom resources the chart can render
     * (VerticalPodAutoscaler from {@code verticalpodautoscaler-model}, Istio from {@code istio-model}).
     */
    static final List<String> MODEL_PACKAGES =
            List.of("io.fabric8.kubernetes.api.model", "io.fabric8.autoscaling.api.model", "io.fabric8.istio.api");

    private KubernetesModelCheck() {}

    /** Splits a multi-document YAML stream into the objects it holds (empty and comment-only documents skipped). */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            boolean empty = doc.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
            if (empty) {
                continue;
            }
            Object parsed = Serialization.unmarshal(doc);
            if (!(parsed instanceof HasMetadata resource)) {
                throw new IllegalArgumentException("not a Kubernetes object:\n" + doc);
            }
            out.add(resource);
        }
        return out;
    }

    /**
     * Unknown fields of every object, as "Kind/name: path: [keys]". Custom resources without a typed model on the
     * class path (parsed as {@link GenericKubernetesResource}, e.g. the ServiceMonitor) are not checked here.
     */
    static List<String> unknownFields(List<HasMetadata> resources) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata resource : resources) {
            if (resource instanceof GenericKubernetesResource) {
                continue;
            }
            walk(
                    resource,
                    resource.getKind() + "/" + resource.getMetadata().getName(),
                    problems,
                    new IdentityHashMap<>());
        }
        return problems;
    }

    private static void walk(Object node, String at, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, at + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, at + "." + k, problems, seen));
            return;
        }
        if (MODEL_PACKAGES.stream().noneMatch(node.getClass().getName()::startsWith)) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = method.getName();
            if (!name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(at + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            walk(value, at + "." + field, problems, seen);
        }
    }
}
