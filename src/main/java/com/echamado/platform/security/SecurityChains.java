package com.echamado.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API chain ({@code /api/**}: stateless, bearer JWTs from our issuer) and the web chain (everything else:
 * session login). Both apply the modules' {@link EndpointRules} and deny whatever no rule names. The web chain
 * refuses state-changing requests from another origin before the CSRF check ({@link SameOriginFormPosts}). The
 * authorization server's own chain (identity module) comes first.
 */
@Configuration(proxyBeanMethods = false)
class SecurityChains {

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(
            HttpSecurity http, List<EndpointRules> rules, JsonMapper json, SecurityHeaders headers) {
        ApiProblemResponses problems = new ApiProblemResponses(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> {
                    apply(authorize, rules, true);
                    authorize.anyRequest().denyAll();
                })
                .oauth2ResourceServer(
                        rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityChains::authentication))
                                .authenticationEntryPoint(problems)
                                .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        headers.apply(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(
            HttpSecurity http,
            List<EndpointRules> rules,
            List<HttpSecurityContribution> contributions,
            SecurityHeaders headers,
            PublicOrigin publicOrigin,
            SecurityEvents events) {
        http.authorizeHttpRequests(authorize -> {
                    apply(authorize, rules, false);
                    authorize.anyRequest().denyAll();
                })
                .addFilterBefore(new SameOriginFormPosts(publicOrigin, events), CsrfFilter.class);
        // Denied because no rule knows the path at all (a mistyped address): the error page says "not found", not
        // "access denied". The request is still refused before it reaches any handler.
        AccessDeniedHandler notFound =
                (request, response, denied) -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> unknown = new LinkedHashMap<>();
        unknown.put(new NegatedRequestMatcher(knownPaths(rules)), notFound);
        http.exceptionHandling(e -> e.accessDeniedHandler(
                new RequestMatcherDelegatingAccessDeniedHandler(unknown, new AccessDeniedHandlerImpl())));
        contributions.forEach(contribution -> contribution.contribute(http));
        headers.apply(http);
        return http.build();
    }

    private static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
            List<EndpointRules> rules,
            boolean api) {
        rules.stream()
                .flatMap(module -> module.rules().stream())
                .filter(rule -> rule.isApi() == api)
                .forEach(rule -> {
                    var matcher = PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
                    var requests = authorize.requestMatchers(matcher);
                    switch (rule.access()) {
                        case PUBLIC -> requests.permitAll();
                        case AUTHENTICATED -> requests.authenticated();
                        case AGENT -> requests.hasAnyRole("SUPPORT", "ADMIN");
                        case ADMIN -> requests.hasRole("ADMIN");
                    }
                });
    }

    /** Any method on a path that some page rule names. */
    private static RequestMatcher knownPaths(List<EndpointRules> rules) {
        List<RequestMatcher> paths = rules.stream()
                .flatMap(module -> module.rules().stream())
                .filter(rule -> !rule.isApi())
                .map(rule -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(rule.pattern()))
                .toList();
        return new OrRequestMatcher(paths);
    }

    /** Authorities of a bearer token: its {@code roles} as ROLE_x and its scopes as SCOPE_x; name = subject. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Converter<Jwt, Collection<GrantedAuthority>> scopes = new JwtGrantedAuthoritiesConverter();
        List<GrantedAuthority> authorities = new java.util.ArrayList<>(scopes.convert(jwt));
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
