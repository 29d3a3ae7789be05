package com.echamado.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Enumerates every handler mapping of the running service and proves that each has an explicit access rule, that
 * protected endpoints refuse anonymous callers and that administrator endpoints refuse other roles.
 */
class AuthorizationMatrixTests extends IntegrationTest {

    record Endpoint(String method, String pattern) {
        String samplePath() {
            return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()).replace("/**", "/sample");
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    List<EndpointRules> rules;

    @Test
    void everyHandlerMappingHasAnExplicitAccessRule() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/api/v1/me", "/login", "/health", "/metrics");
        Set<String> missing = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            if (rule(endpoint).isEmpty()) {
                missing.add(endpoint.method() + " " + endpoint.pattern());
            }
        }
        assertThat(missing).as("endpoints without an access rule").isEmpty();
    }

    @Test
    void protectedEndpointsRefuseAnonymousCallers() {
        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            EndpointRule rule = rule(endpoint).orElseThrow();
            if (rule.access() == Access.PUBLIC) {
                continue;
            }
            HttpResponse<String> response = call(endpoint, null);
            boolean refused = rule.isApi()
                    ? response.statusCode() == 401
                    : response.statusCode() == 403
                            || (response.statusCode() == 302
                                    && response.headers()
                                            .firstValue("Location")
                                            .orElse("")
                                            .endsWith("/login"));
            if (!refused) {
                open.add(endpoint + " answered " + response.statusCode());
            }
        }
        assertThat(open).as("protected endpoints reachable without signing in").isEmpty();
    }

    @Test
    void administratorEndpointsRefuseAgentsAndRequesters() {
        String agent = users.token(users.create(Role.SUPPORT));
        String requester = users.token(users.create(Role.USER));
        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            EndpointRule rule = rule(endpoint).orElseThrow();
            if (!rule.isApi() || rule.access() != Access.ADMIN) {
                continue;
            }
            for (String token : List.of(agent, requester)) {
                int status = call(endpoint, token).statusCode();
                if (status != 403) {
                    open.add(endpoint + " answered " + status);
                }
            }
        }
        assertThat(open).as("administrator endpoints open to other roles").isEmpty();
    }

    private HttpResponse<String> call(Endpoint endpoint, String token) {
        String method = endpoint.method().equals("ANY") ? "GET" : endpoint.method();
        String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
        return http().json(method, endpoint.samplePath(), token, body);
    }

    private Optional<EndpointRule> rule(Endpoint endpoint) {
        PathContainer path = PathContainer.parsePath(endpoint.pattern());
        return rules.stream()
                .flatMap(module -> module.rules().stream())
                .filter(rule -> rule.method() == null || rule.method().name().equals(endpoint.method()))
                .filter(rule ->
                        PathPatternParser.defaultInstance.parse(rule.pattern()).matches(path))
                .findFirst();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("ANY", pattern));
                    }
                    methods.forEach(method -> endpoints.add(new Endpoint(method.name(), pattern)));
                }
            }
        }
        return endpoints;
    }
}
