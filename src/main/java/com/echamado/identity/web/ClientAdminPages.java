package com.echamado.identity.web;

import com.echamado.identity.ClientManagement;
import com.echamado.identity.ClientView;
import com.echamado.identity.ClientView.ClientType;
import com.echamado.identity.IdentityException;
import com.echamado.identity.NewClient;
import com.echamado.identity.Role;
import com.echamado.platform.web.AgentDepartments;
import com.echamado.platform.web.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** OAuth clients: list, register (a confidential client's secret is shown once) and delete. */
@Controller
class ClientAdminPages {

    static final List<String> GRANTS = List.of("authorization_code", "refresh_token", "client_credentials");

    private final ClientManagement clients;
    private final AgentDepartments departments;

    ClientAdminPages(ClientManagement clients, AgentDepartments departments) {
        this.clients = clients;
        this.departments = departments;
    }

    @GetMapping("/admin/clients")
    String list(Model model) {
        model.addAttribute("clients", clients.list());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new ClientForm("", "", ClientType.PUBLIC, List.of(), "", List.of("openid"), true, null, List.of()));
        }
        return prepare(model);
    }

    @PostMapping("/admin/clients")
    String register(
            @Valid @ModelAttribute("form") ClientForm form,
            BindingResult errors,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                ClientView created = clients.register(form.toRequest(), viewer.id());
                redirect.addFlashAttribute("notice", "admin.clients.created");
                redirect.addFlashAttribute("clientSecret", created.clientSecret());
                return "redirect:/admin/clients";
            } catch (IdentityException e) {
                String field = e.field() != null && errors.getFieldType(e.field()) != null ? e.field() : "clientId";
                errors.rejectValue(field, e.messageCode(), e.messageArguments(), e.getMessage());
            }
        }
        model.addAttribute("clients", clients.list());
        return prepare(model);
    }

    @PostMapping("/admin/clients/{clientId}/delete")
    String delete(
            @PathVariable String clientId,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        clients.delete(clientId, viewer.id());
        redirect.addFlashAttribute("notice", "admin.clients.deleted");
        return "redirect:/admin/clients";
    }

    private String prepare(Model model) {
        model.addAttribute("types", ClientType.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", departments.all());
        model.addAttribute("grants", GRANTS);
        model.addAttribute("scopes", new TreeSet<>(ClientManagement.SCOPES));
        return "identity/admin/clients";
    }

    record ClientForm(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+")
            String clientId,

            @NotBlank @Size(max = 200) String name,
            @NotNull ClientType type,
            List<String> grantTypes,
            @Size(max = 4_000) String redirectUris,
            List<String> scopes,
            Boolean requireConsent,
            Role role,
            List<UUID> departments) {

        NewClient toRequest() {
            Set<String> uris = new LinkedHashSet<>();
            Arrays.stream(redirectUris == null ? new String[0] : redirectUris.split("\\s+"))
                    .filter(s -> !s.isBlank())
                    .forEach(uris::add);
            return new NewClient(
                    clientId,
                    name,
                    type,
                    grantTypes == null ? Set.of() : Set.copyOf(grantTypes),
                    uris,
                    Set.of(),
                    scopes == null ? Set.of() : Set.copyOf(scopes),
                    Boolean.TRUE.equals(requireConsent),
                    role,
                    departments == null ? Set.of() : Set.copyOf(departments));
        }
    }
}
