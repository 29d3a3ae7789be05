package com.echamado.identity.web;

import com.echamado.identity.ClientManagement;
import com.echamado.identity.ClientView;
import com.echamado.identity.NewClient;
import com.echamado.identity.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth2 client administration (ADMIN only). A confidential client's secret is shown once, on creation. A
 * client_credentials client may be given a {@code role} and, as SUPPORT, {@code departments}: what its own tokens do.
 */
@RestController
@RequestMapping("/api/v1/clients")
class ClientAdminApi {

    private final ClientManagement clients;

    ClientAdminApi(ClientManagement clients) {
        this.clients = clients;
    }

    @GetMapping
    List<ClientView> list() {
        return clients.list();
    }

    @GetMapping("/{clientId}")
    ClientView get(@PathVariable String clientId) {
        return clients.get(clientId);
    }

    @PostMapping
    ResponseEntity<ClientView> register(@Valid @RequestBody ClientRequest request, Authentication auth) {
        ClientView created = clients.register(
                new NewClient(
                        request.clientId(),
                        request.name(),
                        request.type(),
                        request.grantTypes(),
                        request.redirectUris(),
                        request.postLogoutRedirectUris(),
                        request.scopes(),
                        request.requireConsent() == null || request.requireConsent(),
                        request.role(),
                        request.departments() == null ? Set.of() : request.departments()),
                MeApi.userId(auth));
        return ResponseEntity.created(URI.create("/api/v1/clients/" + created.clientId()))
                .body(created);
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> delete(@PathVariable String clientId, Authentication auth) {
        clients.delete(clientId, MeApi.userId(auth));
        return ResponseEntity.noContent().build();
    }

    record ClientRequest(
            @NotBlank @Size(min = 3, max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+")
            String clientId,

            @NotBlank @Size(max = 200) String name,
            @NotNull ClientView.ClientType type,
            Set<@NotBlank String> grantTypes,
            @Size(max = 10) Set<@NotBlank @Size(max = 500) String> redirectUris,
            @Size(max = 10) Set<@NotBlank @Size(max = 500) String> postLogoutRedirectUris,
            Set<@NotBlank String> scopes,
            Boolean requireConsent,
            Role role,
            @Size(max = 100) Set<@NotNull UUID> departments) {}
}
