package com.echamado.identity.web;

import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import com.echamado.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user: who am I, change my password, switch e-mail notifications. */
@RestController
@RequestMapping("/api/v1/me")
class MeApi {

    private final UserManagement users;

    MeApi(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    UserView me(Authentication authentication) {
        return users.get(userId(authentication));
    }

    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChangeRequest request, Authentication auth) {
        users.changePassword(userId(auth), request.currentPassword(), request.newPassword(), grant(auth));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/notifications")
    NotificationSettings notifications(Authentication auth) {
        return new NotificationSettings(
                users.contact(userId(auth)).map(c -> c.emailNotifications()).orElse(false));
    }

    @PutMapping("/notifications")
    NotificationSettings changeNotifications(@Valid @RequestBody NotificationSettings request, Authentication auth) {
        users.changeEmailNotifications(userId(auth), request.email());
        return request;
    }

    /** The grant the caller's token belongs to (its {@code gid} claim), kept when they change their password. */
    private static String grant(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getClaimAsString("gid")
                : null;
    }

    static UUID userId(Authentication authentication) {
        return CurrentUser.id(authentication)
                .orElseThrow(() -> new AccessDeniedException("This token represents a client, not a user"));
    }

    /** {@code email}: whether the help desk sends this user e-mail about their tickets. */
    record NotificationSettings(@NotNull Boolean email) {}

    record PasswordChangeRequest(
            @NotBlank String currentPassword,
            @NotBlank @Size(max = 128) String newPassword) {}
}
