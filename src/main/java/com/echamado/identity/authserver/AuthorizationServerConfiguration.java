package com.echamado.identity.authserver;

import static org.springframework.security.config.Customizer.withDefaults;

import com.echamado.identity.AccessCutoffs;
import com.echamado.identity.IdentityProperties;
import com.echamado.identity.PasswordChangeGate;
import com.echamado.identity.SignedInSessions;
import com.echamado.identity.UserManagement;
import com.echamado.platform.security.FilterServedPaths;
import com.echamado.platform.security.SecurityEvents;
import com.echamado.platform.security.SecurityHeaders;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * The embedded OAuth2 / OpenID Connect issuer. Its clients, authorizations and consents live in the database and
 * its keys come from configuration, so that any replica redeems a code another one issued and accepts its tokens.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(
            HttpSecurity http,
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            OAuth2TokenGenerator<?> tokenGenerator,
            TokenClaims claims,
            JdbcTemplate jdbc,
            SecurityEvents events,
            Clock clock,
            SecurityHeaders headers,
            JWKSet signingKeys,
            SignedInSessions sessions) {
        IssuerInAuthorizationResponse issuerResponse = new IssuerInAuthorizationResponse();
        http.oauth2AuthorizationServer(as -> {
            http.securityMatcher(as.getEndpointsMatcher());
            as.tokenGenerator(tokenGenerator)
                    .clientAuthentication(client -> client.authenticationConverters(
                                    converters -> converters.add(new PublicClientRefresh.Converter()))
                            .authenticationProviders(
                                    providers -> providers.add(0, new PublicClientRefresh.Provider(clients))))
                    .authorizationEndpoint(endpoint -> endpoint.consentPage("/oauth2/consent")
                            .authorizationResponseHandler(issuerResponse)
                            .errorResponseHandler(issuerResponse)
                            .authenticationProviders(providers -> providers.forEach(provider -> {
                                if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider requests) {
                                    requests.setAuthenticationValidator(new ExactRedirectUri());
                                }
                            })))
                    .tokenEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.replaceAll(
                            provider -> provider instanceof OAuth2RefreshTokenAuthenticationProvider
                                    ? new RefreshTokenReuseDetection(provider, authorizations, jdbc, events, clock)
                                    : provider)))
                    .tokenRevocationEndpoint(endpoint ->
                            endpoint.revocationResponseHandler((request, response, auth) -> {
                                events.record("token_revoked", Map.of("clientId", String.valueOf(auth.getName())));
                                response.setStatus(200);
                            }))
                    .authorizationServerMetadataEndpoint(metadata -> metadata.authorizationServerMetadataCustomizer(
                            m -> m.claim("authorization_response_iss_parameter_supported", true)))
                    .oidc(oidc -> oidc.logoutEndpoint(logout -> logout.authenticationProviders(providers ->
                                    providers.replaceAll(provider -> new LogoutRevokesGrant(provider, authorizations))))
                            .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(ctx ->
                                    claims.userInfo(ctx.getAuthorization().getPrincipalName())))
                            .providerConfigurationEndpoint(config -> config.providerConfigurationCustomizer(c ->
                                    c.claim("authorization_response_iss_parameter_supported", true)
                                            // ID tokens are signed with the first key's algorithm (TokenClaims)
                                            .idTokenSigningAlgorithms(algorithms -> {
                                                algorithms.clear();
                                                algorithms.add(signingKeys
                                                        .getKeys()
                                                        .get(0)
                                                        .getAlgorithm()
                                                        .getName());
                                            }))));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        // browsers (Accept: text/html) go to the login page; clients sending no Accept or */* get a 401
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), browsers));
        http.oauth2ResourceServer(rs -> rs.jwt(withDefaults()));
        http.addFilterAfter(new PasswordChangeGate(), SecurityContextHolderFilter.class);
        http.addFilterAfter(sessions.filter(), SecurityContextHolderFilter.class);
        headers.apply(http);
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (StringUtils.hasText(properties.issuer())) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    /** The authorization server's endpoints are answered by its filters: metrics label them with their path. */
    @Bean
    FilterServedPaths authorizationServerPaths(AuthorizationServerSettings settings) {
        return FilterServedPaths.of(
                "identity-authserver",
                settings.getAuthorizationEndpoint(),
                settings.getTokenEndpoint(),
                settings.getJwkSetEndpoint(),
                settings.getTokenRevocationEndpoint(),
                settings.getTokenIntrospectionEndpoint(),
                settings.getOidcUserInfoEndpoint(),
                settings.getOidcLogoutEndpoint(),
                "/.well-known/openid-configuration",
                "/.well-known/oauth-authorization-server");
    }

    @Bean
    JWKSet signingKeys(IdentityProperties properties) {
        if (StringUtils.hasText(properties.signingKeys())) {
            return SigningKeys.fromPem(properties.signingKeys());
        }
        if (StringUtils.hasText(properties.signingKeyFile())) {
            return SigningKeys.fromFile(Path.of(properties.signingKeyFile()));
        }
        throw new IllegalStateException("No signing key: set JWT_SIGNING_KEY (PEM)");
    }

    /** Publishes every key (JWKS endpoint), so that tokens signed by a retiring key stay valid. */
    @Bean
    JWKSource<SecurityContext> jwkSource(JWKSet signingKeys) {
        return new ImmutableJWKSet<>(signingKeys.toPublicJWKSet());
    }

    /** Signs with the first key only. */
    @Bean
    JwtEncoder jwtEncoder(JWKSet signingKeys) {
        return new NimbusJwtEncoder(
                new ImmutableJWKSet<>(new JWKSet(signingKeys.getKeys().get(0))));
    }

    /**
     * Validates tokens locally against the published keys: signature, time, issuer (when set) and audience, and that
     * the user's access has not ended since (at most one cached database read per user and check interval).
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties, AccessCutoffs cutoffs) {
        return decoder(jwkSource, properties, new RevokedTokens(cutoffs));
    }

    JwtDecoder decoder(
            JWKSource<SecurityContext> jwkSource, IdentityProperties properties, OAuth2TokenValidator<Jwt> revoked) {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        algorithms.addAll(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, jwkSource));
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> time = StringUtils.hasText(properties.issuer())
                ? JwtValidators.createDefaultWithIssuer(properties.issuer())
                : JwtValidators.createDefault();
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(time, audience, revoked));
        return decoder;
    }

    @Bean
    TokenClaims tokenClaims(UserManagement users, IdentityProperties properties, JWKSet keys, SecurityEvents events) {
        return new TokenClaims(users, properties.audience(), keys.getKeys().get(0), events);
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder encoder, TokenClaims claims, Clock clock) {
        JwtGenerator jwt = new JwtGenerator(encoder);
        jwt.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwt, new CappedRefreshTokenGenerator(clock));
    }
}
