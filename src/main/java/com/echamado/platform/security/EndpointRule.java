package com.echamado.platform.security;

import org.springframework.http.HttpMethod;

/**
 * One explicit access rule: a method (null = every method) and a path pattern. Modules publish their rules as
 * {@link EndpointRules} beans; the filter chains apply them and deny everything else; a test checks that every
 * handler mapping has a rule.
 */
public record EndpointRule(HttpMethod method, String pattern, Access access) {

    public static EndpointRule get(String pattern, Access access) {
        return new EndpointRule(HttpMethod.GET, pattern, access);
    }

    public static EndpointRule post(String pattern, Access access) {
        return new EndpointRule(HttpMethod.POST, pattern, access);
    }

    public static EndpointRule put(String pattern, Access access) {
        return new EndpointRule(HttpMethod.PUT, pattern, access);
    }

    public static EndpointRule patch(String pattern, Access access) {
        return new EndpointRule(HttpMethod.PATCH, pattern, access);
    }

    public static EndpointRule delete(String pattern, Access access) {
        return new EndpointRule(HttpMethod.DELETE, pattern, access);
    }

    public static EndpointRule any(String pattern, Access access) {
        return new EndpointRule(null, pattern, access);
    }

    public boolean isApi() {
        return pattern.startsWith("/api/");
    }
}
