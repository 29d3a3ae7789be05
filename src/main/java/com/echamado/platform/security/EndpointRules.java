package com.echamado.platform.security;

import java.util.List;

/** The access rules one module declares for its endpoints. */
public record EndpointRules(String module, List<EndpointRule> rules) {

    public static EndpointRules of(String module, EndpointRule... rules) {
        return new EndpointRules(module, List.of(rules));
    }
}
