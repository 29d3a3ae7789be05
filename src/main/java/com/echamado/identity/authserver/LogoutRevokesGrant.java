package com.echamado.identity.authserver;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;

/**
 * RP-initiated logout ({@code /connect/logout}) also ends the grant the ID token hint was issued with: its refresh
 * token no longer works. Spring's provider checks the request first; the session is then ended as usual.
 */
final class LogoutRevokesGrant implements AuthenticationProvider {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;

    LogoutRevokesGrant(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations) {
        this.delegate = delegate;
        this.authorizations = authorizations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = delegate.authenticate(authentication);
        if (result instanceof OidcLogoutAuthenticationToken logout && logout.getIdToken() != null) {
            OAuth2Authorization grant =
                    authorizations.findByToken(logout.getIdToken().getTokenValue(), ID_TOKEN);
            if (grant != null) {
                authorizations.remove(grant);
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
