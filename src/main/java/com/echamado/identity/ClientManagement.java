package com.echamado.identity;

import com.echamado.identity.ClientView.ClientType;
import com.echamado.platform.security.SecurityEvents;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OAuth2 clients, kept in the database so that every replica knows them. Only the grants a client needs: public
 * clients get authorization_code + refresh_token with PKCE; never implicit or password.
 *
 * <p>Past ~250 lines on purpose: registration from the API and the declaration of configured clients at start-up
 * share one set of rules (allowed grants, redirect URIs per grant, scopes, the integration's role and departments in
 * the client settings, read back by the token customizer through {@code tokenRole}/{@code tokenDepartments}); a
 * second class would hold half of that mapping.
 */
@Service
@Transactional
public class ClientManagement {

    public static final Set<String> SCOPES = Set.of("openid", "profile", "email", "api");
    private static final String ROLE_SETTING = "settings.client.echamado.role";
    private static final String DEPARTMENTS_SETTING = "settings.client.echamado.departments";
    private static final Set<String> CONFIDENTIAL_GRANTS = Set.of(
            AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue(),
            AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());

    private final RegisteredClientRepository clients;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;
    private final SecurityEvents events;
    private final SecureRandom random = new SecureRandom();

    ClientManagement(
            RegisteredClientRepository clients,
            JdbcTemplate jdbc,
            PasswordEncoder encoder,
            IdentityProperties properties,
            SecurityEvents events) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.properties = properties;
        this.events = events;
    }

    public ClientView register(NewClient request, UUID actorId) {
        if (clients.findByClientId(request.clientId()) != null) {
            throw IdentityException.clientIdTaken(request.clientId());
        }
        String secret = request.type() == ClientType.CONFIDENTIAL ? newSecret() : null;
        RegisteredClient client = build(UUID.randomUUID().toString(), request, secret);
        clients.save(client);
        events.record("client_registered", Map.of("clientId", request.clientId(), "actor", String.valueOf(actorId)));
        return view(client, secret);
    }

    /** Creates or updates a client declared in configuration; a given secret is kept as its hash. */
    public void declare(NewClient request, String secret) {
        RegisteredClient existing = clients.findByClientId(request.clientId());
        String id = existing == null ? UUID.randomUUID().toString() : existing.getId();
        clients.save(build(id, request, secret));
    }

    @Transactional(readOnly = true)
    public List<ClientView> list() {
        return jdbc
                .queryForList("select client_id from oauth2_registered_client order by client_id", String.class)
                .stream()
                .map(clients::findByClientId)
                .map(client -> view(client, null))
                .toList();
    }

    @Transactional(readOnly = true)
    public ClientView get(String clientId) {
        return view(existing(clientId), null);
    }

    /** Removes the client with its consents and every grant it holds. */
    public void delete(String clientId, UUID actorId) {
        RegisteredClient client = existing(clientId);
        jdbc.update("delete from oauth2_authorization where registered_client_id = ?", client.getId());
        jdbc.update("delete from oauth2_authorization_consent where registered_client_id = ?", client.getId());
        jdbc.update("delete from oauth2_registered_client where id = ?", client.getId());
        events.record("client_deleted", Map.of("clientId", clientId, "actor", String.valueOf(actorId)));
    }

    /** The client with this id; a blank id, which the repository refuses with an exception, is no client either. */
    private RegisteredClient existing(String clientId) {
        RegisteredClient client = clientId == null || clientId.isBlank() ? null : clients.findByClientId(clientId);
        if (client == null) {
            throw IdentityException.clientNotFound(clientId);
        }
        return client;
    }

    private RegisteredClient build(String id, NewClient request, String secret) {
        Set<String> grants = grants(request);
        ClientSettings.Builder settings = ClientSettings.builder()
                .requireProofKey(request.type() == ClientType.PUBLIC
                        || grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()))
                .requireAuthorizationConsent(request.requireConsent());
        tokenRole(request, grants, settings);
        RegisteredClient.Builder builder = RegisteredClient.withId(id)
                .clientId(request.clientId())
                .clientName(request.name())
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenLifetime())
                        .refreshTokenTimeToLive(properties.refreshTokenLifetime())
                        .authorizationCodeTimeToLive(java.time.Duration.ofMinutes(5))
                        .reuseRefreshTokens(false)
                        .build());
        if (request.type() == ClientType.PUBLIC) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(encoder.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        grants.forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
        redirectUris("redirectUris", request.redirectUris(), grants).forEach(builder::redirectUri);
        redirectUris("postLogoutRedirectUris", request.postLogoutRedirectUris(), Set.of())
                .forEach(builder::postLogoutRedirectUri);
        scopes(request.scopes()).forEach(builder::scope);
        return builder.build();
    }

    /**
     * The role and departments of the client's own (client_credentials) tokens: only for that grant; SUPPORT needs
     * at least one department, other roles take none. Kept in the client's settings (plain strings: the settings are
     * stored as JSON).
     */
    private static void tokenRole(NewClient request, Set<String> grants, ClientSettings.Builder settings) {
        Set<UUID> departments = request.departments() == null ? Set.of() : request.departments();
        if (request.role() == null) {
            if (!departments.isEmpty()) {
                throw IdentityException.invalid(
                        "departments",
                        "identity.invalid.departments-need-support",
                        "Departments come with the SUPPORT role");
            }
            return;
        }
        if (!grants.contains(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue())) {
            throw IdentityException.invalid(
                    "role",
                    "identity.invalid.role-needs-client-credentials",
                    "Only a client_credentials client acts with a role of its own");
        }
        if (request.role() == Role.SUPPORT && departments.isEmpty()) {
            throw IdentityException.invalid(
                    "departments",
                    "identity.invalid.support-needs-departments",
                    "Choose the departments whose tickets the client works");
        }
        if (request.role() != Role.SUPPORT && !departments.isEmpty()) {
            throw IdentityException.invalid(
                    "departments",
                    "identity.invalid.departments-need-support",
                    "Departments come with the SUPPORT role");
        }
        settings.setting(ROLE_SETTING, request.role().name());
        settings.setting(
                DEPARTMENTS_SETTING,
                departments.stream().map(UUID::toString).sorted().collect(Collectors.toCollection(ArrayList::new)));
    }

    /** The role a client_credentials token of this client carries; empty when the admin gave it none. */
    public static Optional<Role> tokenRole(RegisteredClient client) {
        Object role = client.getClientSettings().getSetting(ROLE_SETTING);
        return role == null ? Optional.empty() : Optional.of(Role.valueOf(role.toString()));
    }

    /** The departments a client_credentials token of this client works in (SUPPORT only). */
    public static Set<UUID> tokenDepartments(RegisteredClient client) {
        Object departments = client.getClientSettings().getSetting(DEPARTMENTS_SETTING);
        if (!(departments instanceof Collection<?> ids)) {
            return Set.of();
        }
        return ids.stream().map(id -> UUID.fromString(id.toString())).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> grants(NewClient request) {
        if (request.type() == ClientType.PUBLIC) {
            return Set.of(
                    AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
                    AuthorizationGrantType.REFRESH_TOKEN.getValue());
        }
        Set<String> grants = request.grantTypes() == null ? Set.of() : request.grantTypes();
        if (grants.isEmpty() || !CONFIDENTIAL_GRANTS.containsAll(grants)) {
            throw IdentityException.invalid(
                    "grantTypes",
                    "identity.invalid.grant-types",
                    "Allowed grant types: " + new TreeSet<>(CONFIDENTIAL_GRANTS),
                    String.join(", ", new TreeSet<>(CONFIDENTIAL_GRANTS)));
        }
        return grants;
    }

    private static Set<String> redirectUris(String field, Set<String> uris, Set<String> grants) {
        Set<String> out = new LinkedHashSet<>(uris == null ? Set.of() : uris);
        if (out.isEmpty() && grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue())) {
            throw IdentityException.invalid(
                    field,
                    "identity.invalid.redirect-required",
                    "The authorization_code grant needs at least one redirect URI");
        }
        for (String uri : out) {
            try {
                URI parsed = new URI(uri);
                if (!parsed.isAbsolute() || parsed.getFragment() != null || uri.contains("*")) {
                    throw IdentityException.invalid(
                            field,
                            "identity.invalid.redirect-uri",
                            "Redirect URIs are absolute, without fragment or wildcard");
                }
            } catch (URISyntaxException e) {
                throw IdentityException.invalid(field, "identity.invalid.not-a-uri", "Not a URI: " + uri, uri);
            }
        }
        return out;
    }

    private static Set<String> scopes(Set<String> requested) {
        Set<String> scopes = requested == null || requested.isEmpty() ? SCOPES : requested;
        if (!SCOPES.containsAll(scopes)) {
            throw IdentityException.invalid(
                    "scopes",
                    "identity.invalid.scopes",
                    "Allowed scopes: " + new TreeSet<>(SCOPES),
                    String.join(", ", new TreeSet<>(SCOPES)));
        }
        return scopes;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ClientView view(RegisteredClient client, String secret) {
        boolean isPublic = client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
        return new ClientView(
                client.getClientId(),
                client.getClientName(),
                isPublic ? ClientType.PUBLIC : ClientType.CONFIDENTIAL,
                client.getAuthorizationGrantTypes().stream()
                        .map(AuthorizationGrantType::getValue)
                        .collect(Collectors.toCollection(TreeSet::new)),
                Set.copyOf(client.getRedirectUris()),
                Set.copyOf(client.getPostLogoutRedirectUris()),
                Set.copyOf(client.getScopes()),
                client.getClientSettings().isRequireAuthorizationConsent(),
                secret,
                tokenRole(client).orElse(null),
                tokenDepartments(client));
    }
}
