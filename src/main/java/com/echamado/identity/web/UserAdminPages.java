package com.echamado.identity.web;

import com.echamado.identity.CreatedUser;
import com.echamado.identity.IdentityException;
import com.echamado.identity.NewUser;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import com.echamado.platform.web.AgentDepartments;
import com.echamado.platform.web.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users and roles, and the departments an agent works in. A one-time password is shown once, on creation/reset. */
@Controller
class UserAdminPages {

    private final UserManagement users;
    private final AgentDepartments departments;

    UserAdminPages(UserManagement users, AgentDepartments departments) {
        this.users = users;
        this.departments = departments;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        int number = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("q", q);
        model.addAttribute("users", users.search(q, PageRequest.of(number, 25, Sort.by("email"))));
        return "identity/admin/users";
    }

    @GetMapping("/admin/users/new")
    String newForm(Model model) {
        model.addAttribute("form", new UserForm("", "", Set.of(Role.USER)));
        model.addAttribute("roles", Role.values());
        return "identity/admin/user-new";
    }

    @PostMapping("/admin/users/new")
    String create(
            @Valid @ModelAttribute("form") UserForm form,
            BindingResult errors,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                CreatedUser created = users.create(
                        new NewUser(form.email(), form.fullName(), null, EnumSet.copyOf(form.roles()), null),
                        viewer.id());
                redirect.addFlashAttribute("notice", "admin.users.created");
                redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
                return "redirect:/admin/users/" + created.user().id();
            } catch (IdentityException e) {
                errors.rejectValue(
                        e.field() == null ? "email" : e.field(), e.messageCode(), e.messageArguments(), e.getMessage());
            }
        }
        model.addAttribute("roles", Role.values());
        return "identity/admin/user-new";
    }

    @GetMapping("/admin/users/{id}")
    String detail(@PathVariable UUID id, Model model) {
        UserView user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", departments.enabled(LocaleContextHolder.getLocale()));
        model.addAttribute("memberOf", new HashSet<>(departments.of(id)));
        return "identity/admin/user";
    }

    @PostMapping("/admin/users/{id}/roles")
    String roles(
            @PathVariable UUID id,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        try {
            users.changeRoles(id, roles == null ? Set.of() : EnumSet.copyOf(roles), viewer.id());
            redirect.addFlashAttribute("notice", "admin.users.saved");
        } catch (IdentityException e) {
            fail(e, redirect);
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/departments")
    String departments(
            @PathVariable UUID id,
            @RequestParam(name = "departments", required = false) List<UUID> chosen,
            RedirectAttributes redirect) {
        users.get(id);
        Set<UUID> wanted = chosen == null ? Set.of() : Set.copyOf(chosen);
        Set<UUID> current = Set.copyOf(departments.of(id));
        current.stream().filter(d -> !wanted.contains(d)).forEach(d -> departments.remove(d, id));
        wanted.stream().filter(d -> !current.contains(d)).forEach(d -> departments.add(d, id));
        redirect.addFlashAttribute("notice", "admin.users.saved");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/{action}")
    String change(
            @PathVariable UUID id,
            @PathVariable String action,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "disable" -> users.disable(id, viewer.id());
                case "enable" -> users.enable(id, viewer.id());
                case "unlock" -> users.unlock(id, viewer.id());
                case "password-reset" ->
                    redirect.addFlashAttribute("oneTimePassword", users.resetPassword(id, viewer.id()));
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("notice", "admin.users.saved");
        } catch (IdentityException e) {
            if (e.kind() == IdentityException.Kind.NOT_FOUND) {
                throw e;
            }
            fail(e, redirect);
        }
        return "redirect:/admin/users/" + id;
    }

    private static void fail(IdentityException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.messageCode());
        redirect.addFlashAttribute("detail", e.getMessage());
    }

    record UserForm(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 2, max = 200) String fullName,
            @NotEmpty Set<Role> roles) {}
}
