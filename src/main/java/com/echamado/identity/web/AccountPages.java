package com.echamado.identity.web;

import com.echamado.identity.IdentityException;
import com.echamado.identity.IdentityProperties;
import com.echamado.identity.PasswordChange;
import com.echamado.identity.UserManagement;
import com.echamado.platform.security.CurrentUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The issuer's own pages: sign-in, self-registration and password change. */
@Controller
class AccountPages {

    private final UserManagement users;
    private final IdentityProperties properties;

    AccountPages(UserManagement users, IdentityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("registrationEnabled", properties.registrationEnabled());
        return "identity/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        if (!properties.registrationEnabled()) {
            return "redirect:/login";
        }
        model.addAttribute("form", new RegistrationForm("", "", ""));
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                users.register(form.email(), form.fullName(), form.password(), locale.toLanguageTag());
                return "redirect:/login?registered";
            } catch (IdentityException e) {
                errors.rejectValue(
                        e.field() == null ? "email" : e.field(), e.messageCode(), e.messageArguments(), e.getMessage());
            }
        }
        return "identity/register";
    }

    @GetMapping(PasswordChange.PAGE)
    String passwordForm(Model model, Authentication authentication) {
        model.addAttribute("form", new PasswordForm("", ""));
        model.addAttribute("required", isRequired(authentication));
        return "identity/password";
    }

    @PostMapping(PasswordChange.PAGE)
    String changePassword(
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors,
            Authentication authentication,
            HttpServletRequest request,
            Model model)
            throws ServletException {
        if (!errors.hasErrors()) {
            try {
                users.changePassword(
                        CurrentUser.id(authentication).orElseThrow(), form.currentPassword(), form.newPassword(), null);
                request.logout(); // sign in again with the new password: a fresh session, no stale authorities
                return "redirect:/login?changed";
            } catch (IdentityException e) {
                errors.rejectValue(
                        e.field() == null ? "newPassword" : e.field(),
                        e.messageCode(),
                        e.messageArguments(),
                        e.getMessage());
            }
        }
        model.addAttribute("required", isRequired(authentication));
        return "identity/password";
    }

    private static boolean isRequired(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> PasswordChange.REQUIRED_AUTHORITY.equals(a.getAuthority()));
    }

    record RegistrationForm(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 2, max = 200) String fullName,
            @NotBlank @Size(max = 128) String password) {}

    record PasswordForm(
            @NotBlank String currentPassword,
            @NotBlank @Size(max = 128) String newPassword) {}
}
