package com.echamado.identity;

import java.util.Set;
import java.util.UUID;

/**
 * A registered OAuth2 client; {@code clientSecret} is present only in the answer that created it. {@code role} and
 * {@code departments}: what its client_credentials tokens may do (null and empty: nothing on tickets).
 */
public record ClientView(
        String clientId,
        String name,
        ClientType type,
        Set<String> grantTypes,
        Set<String> redirectUris,
        Set<String> postLogoutRedirectUris,
        Set<String> scopes,
        boolean requireConsent,
        String clientSecret,
        Role role,
        Set<UUID> departments) {

    public enum ClientType {
        /** A single-page or native app: no secret, PKCE S256, rotated refresh tokens. */
        PUBLIC,
        /** A server-side app or integration that keeps a secret. */
        CONFIDENTIAL
    }
}
