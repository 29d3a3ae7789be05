package com.echamado.identity;

import java.util.Set;

/** A client an administrator registers. Third-party clients should require consent. */
public record NewClient(
        String clientId,
        String name,
        ClientView.ClientType type,
        Set<String> grantTypes,
        Set<String> redirectUris,
        Set<String> postLogoutRedirectUris,
        Set<String> scopes,
        boolean requireConsent) {}
