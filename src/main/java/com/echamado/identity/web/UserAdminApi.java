package com.echamado.identity.web;

import com.echamado.identity.CreatedUser;
import com.echamado.identity.NewUser;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration (ADMIN only): list and search, create, roles, disable/enable, unlock, password reset. */
@RestController
@RequestMapping("/api/v1/users")
class UserAdminApi {

    private final UserManagement users;

    UserAdminApi(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    PageOf<UserView> list(
            @RequestParam(defaultValue = "") @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageOf.of(users.search(q, PageRequest.of(page, size, Sort.by("emailNormalized"))));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PostMapping
    ResponseEntity<CreatedUser> create(@Valid @RequestBody NewUserRequest request, Authentication auth) {
        CreatedUser created = users.create(
                new NewUser(
                        request.email(), request.fullName(), request.password(), request.roles(), request.language()),
                MeApi.userId(auth));
        return ResponseEntity.created(
                        URI.create("/api/v1/users/" + created.user().id()))
                .body(created);
    }

    @PutMapping("/{id}/roles")
    UserView changeRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request, Authentication auth) {
        return users.changeRoles(id, request.roles(), MeApi.userId(auth));
    }

    @PostMapping("/{id}/disable")
    UserView disable(@PathVariable UUID id, Authentication auth) {
        return users.disable(id, MeApi.userId(auth));
    }

    @PostMapping("/{id}/enable")
    UserView enable(@PathVariable UUID id, Authentication auth) {
        return users.enable(id, MeApi.userId(auth));
    }

    @PostMapping("/{id}/unlock")
    UserView unlock(@PathVariable UUID id, Authentication auth) {
        return users.unlock(id, MeApi.userId(auth));
    }

    @PostMapping("/{id}/password-reset")
    Map<String, String> resetPassword(@PathVariable UUID id, Authentication auth) {
        return Map.of("oneTimePassword", users.resetPassword(id, MeApi.userId(auth)));
    }

    record NewUserRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 2, max = 200) String fullName,
            @Size(max = 128) String password,
            Set<Role> roles,
            @Pattern(regexp = "pt-BR|en") String language) {}

    record RolesRequest(@NotEmpty Set<Role> roles) {}

    record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(
                    page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }
}
