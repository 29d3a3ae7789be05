package com.echamado.platform.web;

import static com.echamado.platform.security.EndpointRule.get;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRule;
import com.echamado.platform.security.EndpointRules;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * OpenAPI description of {@code /api/**} at {@code /v3/api-docs} with a Swagger UI at {@code /swagger-ui.html}. Each
 * operation states who may call it, read from the same {@link EndpointRules} the security chains enforce, so the
 * documentation cannot drift from the rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String ACCESS_EXTENSION = "x-access";

    @Bean
    OpenAPI echamadoOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("EChamado API")
                        .version("v1")
                        .description("Help-desk API. Bearer tokens come from this service's own OAuth2 issuer"
                                + " (/.well-known/openid-configuration). Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OpenApiCustomizer accessOfEachOperation(List<EndpointRules> rules) {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> rule(rules, method.name(), path)
                                .ifPresent(rule -> describe(operation, rule.access()))));
    }

    @Bean
    EndpointRules apiDocumentationEndpointRules() {
        return EndpointRules.of(
                "platform-docs",
                get("/v3/api-docs", Access.PUBLIC),
                get("/v3/api-docs/**", Access.PUBLIC),
                get("/v3/api-docs.yaml", Access.PUBLIC),
                get("/swagger-ui.html", Access.PUBLIC),
                get("/swagger-ui/**", Access.PUBLIC));
    }

    private static void describe(Operation operation, Access access) {
        String who = switch (access) {
            case PUBLIC -> "anyone";
            case AUTHENTICATED -> "any signed-in user (object rules may narrow it)";
            case AGENT -> "roles SUPPORT or ADMIN";
            case ADMIN -> "role ADMIN";
        };
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + "**Who may call it:** " + who + ".");
        operation.addExtension(ACCESS_EXTENSION, access.name());
    }

    static Optional<EndpointRule> rule(List<EndpointRules> rules, String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream()
                .flatMap(module -> module.rules().stream())
                .filter(rule -> rule.method() == null || rule.method().name().equals(method))
                .filter(rule ->
                        PathPatternParser.defaultInstance.parse(rule.pattern()).matches(container))
                .findFirst();
    }
}
