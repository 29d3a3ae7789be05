package com.echamado.identity.authserver;

import com.echamado.identity.ClientManagement;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import com.echamado.platform.security.SecurityEvents;
import com.nimbusds.jose.jwk.JWK;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What tokens say. Access tokens: subject (user id or client id), {@code roles}, scopes, and this service as
 * audience, and for a user the grant ({@code gid}) it belongs to; a client's own (client_credentials) token carries
 * the role, departments and actor id the admin gave the client. ID tokens and userinfo: e-mail, name, roles and
 * language. Roles are read at issuance; a role change ends the user's grants and tokens ({@code AccessRevocation}).
 * Every issued token is logged as a security event (never its value).
 *
 * <p>Claim values are plain {@link ArrayList}s: the JDBC authorization service stores each token's claims as JSON and
 * reads them back through Spring Security's type allowlist, which refuses {@code List.of(..)} and {@code toList()}.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** The id a client_credentials token acts under (the registered client's id). */
    static final String ACTOR_CLAIM = "actor_id";
    /** The departments a client_credentials token of a SUPPORT client works in. */
    static final String DEPARTMENTS_CLAIM = "departments";

    private final UserManagement users;
    private final String audience;
    private final SignatureAlgorithm algorithm;
    private final SecurityEvents events;

    TokenClaims(UserManagement users, String audience, JWK signingKey, SecurityEvents events) {
        this.users = users;
        this.audience = audience;
        this.algorithm = SignatureAlgorithm.from(signingKey.getAlgorithm().getName());
        this.events = events;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().algorithm(algorithm);
        Optional<UserView> user = user(context.getPrincipal().getName());
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().audience(new ArrayList<>(List.of(audience)));
            context.getClaims().claim("roles", user.map(TokenClaims::roleNames).orElseGet(ArrayList::new));
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                clientClaims(context);
            }
            if (context.getAuthorization() != null && user.isPresent()) {
                context.getClaims()
                        .claim(
                                RevokedTokens.GRANT_CLAIM,
                                context.getAuthorization().getId());
            }
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            user.ifPresent(u -> userInfo(u)
                    .getClaims()
                    .forEach((k, v) -> context.getClaims().claim(k, v)));
        }
        events.record(
                "token_issued",
                Map.of(
                        "tokenType", context.getTokenType().getValue(),
                        "grantType", context.getAuthorizationGrantType().getValue(),
                        "clientId", context.getRegisteredClient().getClientId(),
                        "subject", context.getPrincipal().getName()));
    }

    /**
     * A client's own token: the role and departments the admin gave the client, and {@code actor_id} (the registered
     * client's id), under which the client opens and comments tickets.
     */
    private static void clientClaims(JwtEncodingContext context) {
        RegisteredClient client = context.getRegisteredClient();
        ClientManagement.tokenRole(client).ifPresent(role -> {
            context.getClaims().claim("roles", new ArrayList<>(List.of(role.name())));
            context.getClaims().claim(ACTOR_CLAIM, client.getId());
            context.getClaims()
                    .claim(
                            DEPARTMENTS_CLAIM,
                            ClientManagement.tokenDepartments(client).stream()
                                    .map(UUID::toString)
                                    .sorted()
                                    .collect(Collectors.toCollection(ArrayList::new)));
        });
    }

    OidcUserInfo userInfo(String subject) {
        return user(subject).map(TokenClaims::userInfo).orElseGet(() -> new OidcUserInfo(Map.of("sub", subject)));
    }

    private static OidcUserInfo userInfo(UserView user) {
        OidcUserInfo.Builder info = OidcUserInfo.builder()
                .subject(user.id().toString())
                .email(user.email())
                .emailVerified(false)
                .name(user.fullName())
                .preferredUsername(user.email())
                .claim("roles", roleNames(user));
        if (user.language() != null) {
            info.locale(user.language());
        }
        return info.build();
    }

    /** A mutable list: the claims are kept in the authorization's JSON metadata, whose reader refuses JDK immutables. */
    private static List<String> roleNames(UserView user) {
        return user.roles().stream().map(Role::name).sorted().collect(Collectors.toCollection(ArrayList::new));
    }

    private Optional<UserView> user(String subject) {
        try {
            return Optional.of(users.get(UUID.fromString(subject)));
        } catch (IllegalArgumentException | com.echamado.identity.IdentityException notAUser) {
            return Optional.empty();
        }
    }
}
