package com.echamado.identity;

import java.util.Set;
import java.util.UUID;

/**
 * A client an administrator registers. Third-party clients should require consent. {@code role} (null: none) and
 * {@code departments} are what a client_credentials token of the client may do: its role, and as SUPPORT the
 * departments whose tickets it works.
 */
public record NewClient(
        String clientId,
        String name,
        ClientView.ClientType type,
        Set<String> grantTypes,
        Set<String> redirectUris,
        Set<String> postLogoutRedirectUris,
        Set<String> scopes,
        boolean requireConsent,
        Role role,
        Set<UUID> departments) {}
