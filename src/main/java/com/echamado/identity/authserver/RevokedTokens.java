package com.echamado.identity.authserver;

import com.echamado.identity.AccessCutoffs;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a user's access token issued before their access ended (disabled, locked, password reset or changed,
 * roles changed), within the check interval of {@link AccessCutoffs}. Tokens of clients (a subject that is not a
 * user id) are not concerned.
 */
final class RevokedTokens implements OAuth2TokenValidator<Jwt> {

    /** The claim naming the grant (authorization) a token was issued for. */
    static final String GRANT_CLAIM = "gid";

    private static final OAuth2Error REVOKED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked", null);

    private final AccessCutoffs cutoffs;

    RevokedTokens(AccessCutoffs cutoffs) {
        this.cutoffs = cutoffs;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        UUID user;
        try {
            user = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException client) {
            return OAuth2TokenValidatorResult.success();
        }
        return cutoffs.acceptsToken(user, jwt.getIssuedAt(), jwt.getClaimAsString(GRANT_CLAIM))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(REVOKED);
    }
}
