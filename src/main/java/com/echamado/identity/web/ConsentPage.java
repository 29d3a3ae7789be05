package com.echamado.identity.web;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The issuer's consent page in the application's look (the built-in one loads a CDN stylesheet and inline script,
 * which the CSP blocks). Posts the approved scopes back to {@code /oauth2/authorize}, as Spring Authorization
 * Server's "custom consent page" how-to describes; {@code openid} needs no consent.
 */
@Controller
class ConsentPage {

    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;

    ConsentPage(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents) {
        this.clients = clients;
        this.consents = consents;
    }

    @GetMapping("/oauth2/consent")
    String consent(
            Principal principal,
            Model model,
            @RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
            @RequestParam(OAuth2ParameterNames.SCOPE) String scope,
            @RequestParam(OAuth2ParameterNames.STATE) String state) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            return "redirect:/";
        }
        OAuth2AuthorizationConsent current = consents.findById(client.getId(), principal.getName());
        Set<String> granted = current == null ? Set.of() : current.getScopes();
        Set<String> toApprove = new LinkedHashSet<>();
        Set<String> approved = new LinkedHashSet<>();
        for (String requested : StringUtils.delimitedListToStringArray(scope, " ")) {
            if (OidcScopes.OPENID.equals(requested)) {
                continue;
            }
            (granted.contains(requested) ? approved : toApprove).add(requested);
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("state", state);
        model.addAttribute("scopes", toApprove);
        model.addAttribute("approvedScopes", approved);
        return "identity/consent";
    }
}
