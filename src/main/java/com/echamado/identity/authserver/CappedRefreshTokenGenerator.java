package com.echamado.identity.authserver;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Issues refresh tokens to every client that has the refresh_token grant, public clients included (Spring's
 * generator refuses public clients). A rotated token inherits the expiry of the token it replaces: rotation never
 * extends the grant's absolute lifetime (RFC 9700 4.14.2).
 */
final class CappedRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    private final StringKeyGenerator values =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
    private final Clock clock;

    CappedRefreshTokenGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                || !context.getRegisteredClient()
                        .getAuthorizationGrantTypes()
                        .contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return null;
        }
        Instant issuedAt = clock.instant();
        Instant expiresAt =
                issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
        OAuth2Authorization authorization = context.getAuthorization();
        if (AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())
                && authorization != null
                && authorization.getRefreshToken() != null) {
            Instant absolute = authorization.getRefreshToken().getToken().getExpiresAt();
            if (absolute != null && absolute.isBefore(expiresAt)) {
                expiresAt = absolute;
            }
        }
        return new OAuth2RefreshToken(values.generateKey(), issuedAt, expiresAt);
    }
}
