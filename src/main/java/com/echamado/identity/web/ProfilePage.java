package com.echamado.identity.web;

import com.echamado.identity.IdentityException;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import com.echamado.platform.web.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The viewer's own name, language and e-mail opt-out (the link in every notification's footer); the password has its
 * own page. Saving the language switches the UI to it.
 */
@Controller
class ProfilePage {

    private final UserManagement users;
    private final LocaleResolver locales;

    ProfilePage(UserManagement users, LocaleResolver locales) {
        this.users = users;
        this.locales = locales;
    }

    @GetMapping("/account/profile")
    String form(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, Model model, Locale locale) {
        UserView user = users.get(viewer.id());
        String language = user.language() != null ? user.language() : locale.toLanguageTag();
        boolean email =
                users.contact(user.id()).map(c -> c.emailNotifications()).orElse(false);
        model.addAttribute("form", new ProfileForm(user.fullName(), "en".equals(language) ? "en" : "pt-BR", email));
        model.addAttribute("user", user);
        return "identity/profile";
    }

    @PostMapping("/account/profile")
    String save(
            @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult errors,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                users.updateProfile(viewer.id(), form.fullName(), form.language());
                users.changeEmailNotifications(viewer.id(), form.emailNotifications());
                locales.setLocale(request, response, Locale.forLanguageTag(form.language()));
                redirect.addFlashAttribute("notice", "profile.saved");
                return "redirect:/account/profile";
            } catch (IdentityException e) {
                errors.rejectValue(
                        e.field() == null ? "fullName" : e.field(),
                        e.messageCode(),
                        e.messageArguments(),
                        e.getMessage());
            }
        }
        model.addAttribute("user", users.get(viewer.id()));
        return "identity/profile";
    }

    record ProfileForm(
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Pattern(regexp = "pt-BR|en") String language,
            boolean emailNotifications) {}
}
