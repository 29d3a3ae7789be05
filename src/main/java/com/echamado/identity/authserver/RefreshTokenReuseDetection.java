package com.echamado.identity.authserver;

import com.echamado.platform.security.SecurityEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * Wraps Spring's refresh-token grant. Each refresh token may be used once: before the grant runs, its hash is
 * recorded (a unique key, shared by all replicas); presenting a recorded token again is reuse, and the whole grant
 * (access and refresh tokens) is revoked. A request the grant refuses (a scope not granted, a token of another
 * client) rotates nothing, so its record is dropped again. Old records are purged once past their expiry. A token
 * past its expiry on the service's {@link Clock} is refused here (Spring's grant checks the system time only).
 */
final class RefreshTokenReuseDetection implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final JdbcTemplate jdbc;
    private final SecurityEvents events;
    private final Clock clock;

    RefreshTokenReuseDetection(
            AuthenticationProvider delegate,
            OAuth2AuthorizationService authorizations,
            JdbcTemplate jdbc,
            SecurityEvents events,
            Clock clock) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2RefreshTokenAuthenticationToken) authentication;
        String hash = sha256(request.getRefreshToken());
        OAuth2Authorization current =
                authorizations.findByToken(request.getRefreshToken(), OAuth2TokenType.REFRESH_TOKEN);
        if (current == null) {
            revokeIfReused(hash);
            return delegate.authenticate(authentication); // unknown token: Spring answers invalid_grant
        }
        Instant expiresAt = current.getRefreshToken().getToken().getExpiresAt();
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
        }
        try {
            jdbc.update(
                    "insert into oauth2_rotated_refresh_token (token_hash, authorization_id, expires_at) values (?, ?, ?)",
                    hash,
                    current.getId(),
                    Timestamp.from(expiresAt == null ? clock.instant() : expiresAt));
        } catch (DuplicateKeyException concurrentReuse) {
            revoke(current, "concurrent_reuse");
        }
        jdbc.update("delete from oauth2_rotated_refresh_token where expires_at < ?", Timestamp.from(clock.instant()));
        try {
            return delegate.authenticate(authentication);
        } catch (OAuth2AuthenticationException refused) {
            // refused without rotating (unknown scope, another client's token): the token stays usable
            jdbc.update("delete from oauth2_rotated_refresh_token where token_hash = ?", hash);
            throw refused;
        }
    }

    private void revokeIfReused(String hash) {
        List<String> ids = jdbc.queryForList(
                "select authorization_id from oauth2_rotated_refresh_token where token_hash = ?", String.class, hash);
        if (ids.isEmpty()) {
            return;
        }
        OAuth2Authorization grant = authorizations.findById(ids.get(0));
        if (grant != null) {
            revoke(grant, "reuse");
        }
        throw invalidGrant();
    }

    private void revoke(OAuth2Authorization grant, String reason) {
        authorizations.remove(grant);
        events.record(
                "refresh_token_reuse",
                Map.of(
                        "clientId",
                        grant.getRegisteredClientId(),
                        "subject",
                        grant.getPrincipalName(),
                        "reason",
                        reason,
                        "action",
                        "grant_revoked"));
        throw invalidGrant();
    }

    private static OAuth2AuthenticationException invalidGrant() {
        return new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The refresh token was already used", null));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
