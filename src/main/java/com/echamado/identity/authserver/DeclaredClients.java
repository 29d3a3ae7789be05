package com.echamado.identity.authserver;

import com.echamado.identity.ClientManagement;
import com.echamado.identity.ClientView.ClientType;
import com.echamado.identity.IdentityProperties;
import com.echamado.identity.NewClient;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Registers the clients declared in configuration at start-up: the public PKCE client of the single-page and
 * mobile apps (when it has redirect URIs) and, when a secret is given, a confidential integration client
 * (client_credentials). Declared clients are first-party: no consent page.
 */
@Component
class DeclaredClients implements ApplicationRunner {

    private final ClientManagement clients;
    private final IdentityProperties properties;

    DeclaredClients(ClientManagement clients, IdentityProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        var spa = properties.publicClient();
        if (StringUtils.hasText(spa.clientId())
                && spa.redirectUris() != null
                && !spa.redirectUris().isEmpty()) {
            declare(
                    new NewClient(
                            spa.clientId(),
                            "EChamado web and mobile apps",
                            ClientType.PUBLIC,
                            Set.of(),
                            Set.copyOf(spa.redirectUris()),
                            spa.postLogoutRedirectUris() == null ? Set.of() : Set.copyOf(spa.postLogoutRedirectUris()),
                            ClientManagement.SCOPES,
                            false,
                            null,
                            Set.of()),
                    null);
        }
        var integration = properties.integrationClient();
        if (StringUtils.hasText(integration.clientId()) && StringUtils.hasText(integration.clientSecret())) {
            declare(
                    new NewClient(
                            integration.clientId(),
                            "Integrations",
                            ClientType.CONFIDENTIAL,
                            Set.of("client_credentials"),
                            Set.of(),
                            Set.of(),
                            Set.of("api"),
                            false,
                            integration.role(),
                            integration.departments() == null ? Set.of() : Set.copyOf(integration.departments())),
                    integration.clientSecret());
        }
    }

    private void declare(NewClient client, String secret) {
        try {
            clients.declare(client, secret);
        } catch (DataIntegrityViolationException anotherReplicaWon) {
            // several replicas starting together: one inserted it, the others find it next time
        }
    }
}
