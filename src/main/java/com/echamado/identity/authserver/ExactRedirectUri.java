package com.echamado.identity.authserver;

import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.util.StringUtils;

/**
 * Validates authorization requests like Spring does, but compares the redirect URI with the registered ones as
 * plain strings for every client (RFC 9700 2.1). Spring accepts any port on a loopback redirect URI (RFC 8252 7.3,
 * meant for native apps on ephemeral ports); we register no such client, so a redirect URI that differs in the
 * port is refused like any other. A refused redirect URI is never redirected to: the browser gets a 400.
 */
final class ExactRedirectUri implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> spring =
            new OAuth2AuthorizationCodeRequestAuthenticationValidator();

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        String redirectUri = request.getRedirectUri();
        if (StringUtils.hasText(redirectUri)
                && !context.getRegisteredClient().getRedirectUris().contains(redirectUri)) {
            OAuth2AuthorizationCodeRequestAuthenticationToken withoutRedirect =
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(
                            request.getAuthorizationUri(),
                            request.getClientId(),
                            (Authentication) request.getPrincipal(),
                            null,
                            request.getState(),
                            request.getScopes(),
                            request.getAdditionalParameters());
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_REQUEST,
                            "OAuth 2.0 Parameter: " + OAuth2ParameterNames.REDIRECT_URI,
                            null),
                    withoutRedirect);
        }
        spring.accept(context);
    }
}
