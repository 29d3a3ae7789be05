package com.echamado.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity module ({@code echamado.identity.*}).
 *
 * @param issuer the public URL of this issuer; empty in {@code local} means "derive it from the request"
 * @param audience the audience every access token names, checked by the resource server
 * @param signingKeys PEM private keys (PKCS#8); the first signs, all are published (rotation)
 * @param signingKeyFile where {@code local} keeps the key it generates once (empty elsewhere)
 * @param adminName the display name of the first administrator ({@code ECHAMADO_ADMIN_NAME}, "Administrador")
 */
@Validated
@ConfigurationProperties("echamado.identity")
public record IdentityProperties(
        String issuer,
        @NotBlank String audience,
        String signingKeys,
        String signingKeyFile,
        String adminEmail,
        String adminPassword,
        String adminName,
        boolean registrationEnabled,
        @Min(1) int maxFailedLogins,
        @NotNull Duration lockoutDuration,
        @NotNull Duration accessTokenLifetime,
        @NotNull Duration refreshTokenLifetime,
        @Valid @NotNull PublicClient publicClient,
        @Valid @NotNull IntegrationClient integrationClient) {

    /** The single-page / mobile client: public, PKCE S256, rotated refresh tokens. */
    public record PublicClient(String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris) {}

    /**
     * An optional confidential client for integrations (client_credentials), with the role and (for SUPPORT) the
     * departments its tokens act with; without a role it works no tickets.
     */
    public record IntegrationClient(
            String clientId, String clientSecret, Role role, List<java.util.UUID> departments) {}
}
