package com.echamado.ui.web;

import com.echamado.identity.UserManagement;
import com.echamado.platform.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in. */
@Controller
class HomePage {

    private final UserManagement users;

    HomePage(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        CurrentUser.id(authentication).map(users::get).ifPresent(user -> model.addAttribute("user", user));
        return "ui/home";
    }
}
