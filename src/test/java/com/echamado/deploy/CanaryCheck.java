package com.echamado.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the typed Istio model cannot see: whether a canary's routing makes sense together with the rest of the
 * render. Works on the objects as plain maps, so it reads networking.istio.io/v1 and v1beta1 alike.
 *
 * <ul>
 *   <li>every route with several destinations has weights between 0 and 100 that add up to 100;
 *   <li>every destination's host has a DestinationRule that defines the subset it names;
 *   <li>every subset selects the pods of at least one Deployment (its labels plus the host Service's selector are on
 *       the pod template), and no two subsets of a rule select the same Deployment;
 *   <li>a route matches on a header, and no route comes after one that matches everything (it could never apply).
 * </ul>
 */
final class CanaryCheck {

    private CanaryCheck() {}

    static List<String> problems(List<HasMetadata> objects) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Map<String, String>>> rules = new LinkedHashMap<>();
        Map<String, Map<String, String>> services = new LinkedHashMap<>();
        Map<String, Map<String, String>> podLabels = new LinkedHashMap<>();
        List<Map<String, Object>> virtualServices = new ArrayList<>();
        for (HasMetadata object : objects) {
            Map<String, Object> map = asMap(object);
            String name = object.getMetadata().getName();
            switch (object.getKind()) {
                case "DestinationRule" -> {
                    Map<String, Map<String, String>> subsets = new LinkedHashMap<>();
                    for (Map<String, Object> subset : list(path(map, "spec", "subsets"))) {
                        subsets.put((String) subset.get("name"), strings(subset.get("labels")));
                    }
                    rules.put(shortHost((String) path(map, "spec", "host")), subsets);
                }
                case "Service" -> services.put(name, strings(path(map, "spec", "selector")));
                case "Deployment" -> podLabels.put(name, strings(path(map, "spec", "template", "metadata", "labels")));
                case "VirtualService" -> virtualServices.add(map);
                default -> {}
            }
        }
        if (virtualServices.isEmpty()) {
            problems.add("no VirtualService");
        }
        for (Map<String, Object> vs : virtualServices) {
            String at = "VirtualService/" + path(vs, "metadata", "name");
            List<Map<String, Object>> http = list(path(vs, "spec", "http"));
            boolean headerMatch = false;
            boolean catchAllSeen = false;
            for (int i = 0; i < http.size(); i++) {
                Map<String, Object> route = http.get(i);
                String routeAt = at + " http[" + i + "]";
                List<Map<String, Object>> matches = list(route.get("match"));
                if (catchAllSeen) {
                    problems.add(routeAt + ": comes after a route that matches every request, so it never applies");
                }
                if (matches.isEmpty()) {
                    catchAllSeen = true;
                }
                headerMatch |= matches.stream().anyMatch(m -> m.get("headers") instanceof Map<?, ?> h && !h.isEmpty());
                List<Map<String, Object>> destinations = list(route.get("route"));
                if (destinations.isEmpty()) {
                    problems.add(routeAt + ": no destination");
                }
                int sum = 0;
                for (Map<String, Object> destination : destinations) {
                    Object weight = destination.get("weight");
                    int w = weight instanceof Number n ? n.intValue() : (destinations.size() == 1 ? 100 : 0);
                    if (w < 0 || w > 100) {
                        problems.add(routeAt + ": weight " + w + " outside 0..100");
                    }
                    sum += w;
                    checkDestination(routeAt, asObjectMap(destination.get("destination")), rules, services, problems);
                }
                if (!destinations.isEmpty() && sum != 100) {
                    problems.add(routeAt + ": weights add up to " + sum + ", not 100");
                }
            }
            if (!headerMatch) {
                problems.add(at + ": no route matches on a header (the way to reach the canary on purpose)");
            }
        }
        rules.forEach((host, subsets) -> {
            Map<String, String> selector = services.getOrDefault(host, Map.of());
            Map<String, String> owner = new LinkedHashMap<>();
            subsets.forEach((subset, labels) -> {
                List<String> selected = podLabels.entrySet().stream()
                        .filter(d -> d.getValue().entrySet().containsAll(labels.entrySet())
                                && d.getValue().entrySet().containsAll(selector.entrySet()))
                        .map(Map.Entry::getKey)
                        .toList();
                if (selected.isEmpty()) {
                    problems.add("DestinationRule " + host + " subset " + subset + ": labels " + labels
                            + " are on no Deployment's pods behind Service " + host);
                }
                for (String deployment : selected) {
                    String previous = owner.put(deployment, subset);
                    if (previous != null) {
                        problems.add("DestinationRule " + host + ": subsets " + previous + " and " + subset
                                + " both select Deployment " + deployment);
                    }
                }
            });
        });
        return problems;
    }

    private static void checkDestination(
            String at,
            Map<String, Object> destination,
            Map<String, Map<String, Map<String, String>>> rules,
            Map<String, Map<String, String>> services,
            List<String> problems) {
        String host = shortHost((String) destination.get("host"));
        if (!services.containsKey(host)) {
            problems.add(at + ": host " + destination.get("host") + " is no Service of the render");
        }
        Object subset = destination.get("subset");
        if (subset == null) {
            return;
        }
        Map<String, Map<String, String>> subsets = rules.get(host);
        if (subsets == null) {
            problems.add(at + ": subset " + subset + " of host " + host + ", which has no DestinationRule");
        } else if (!subsets.containsKey(subset)) {
            problems.add(at + ": subset " + subset + " is not defined in the DestinationRule of " + host + " "
                    + subsets.keySet());
        }
    }

    /** "echamado.echamado.svc.cluster.local" and "echamado" name the same Service (namespaces are one per render). */
    private static String shortHost(String host) {
        return host == null ? "" : host.split("\\.", 2)[0];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(HasMetadata object) {
        return Serialization.unmarshal(Serialization.asJson(object), Map.class);
    }

    private static Object path(Map<String, Object> map, String... keys) {
        Object node = map;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObjectMap(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        if (!(node instanceof List<?> items)) {
            return List.of();
        }
        return items.stream()
                .filter(Map.class::isInstance)
                .map(i -> (Map<String, Object>) i)
                .toList();
    }

    private static Map<String, String> strings(Object node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof String s) {
                    out.put(String.valueOf(k), s);
                }
            });
        }
        return out;
    }
}
