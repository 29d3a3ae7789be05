package com.echamado.platform.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Paths that a module's security filters answer themselves, with no handler mapping behind them (sign-in and
 * sign-out, the authorization server's endpoints). Modules publish them as beans; metrics label requests to them with
 * the path itself, as they label mapped requests with the mapping's pattern.
 */
public record FilterServedPaths(String module, Set<String> paths) {

    public static FilterServedPaths of(String module, String... paths) {
        return new FilterServedPaths(module, Set.of(paths));
    }

    /** Every path that the given modules' filters answer. */
    public static Set<String> union(List<FilterServedPaths> modules) {
        return modules.stream().flatMap(module -> module.paths().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
