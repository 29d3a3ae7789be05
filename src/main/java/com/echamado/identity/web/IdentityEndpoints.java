package com.echamado.identity.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;
import static com.echamado.platform.security.EndpointRule.put;

import com.echamado.identity.PasswordChange;
import com.echamado.identity.PasswordChangeGate;
import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import com.echamado.platform.security.FilterServedPaths;
import com.echamado.platform.security.HttpSecurityContribution;
import com.echamado.platform.security.SignInForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may call the identity module's endpoints, and the login form, logout and password gate of the web chain (the
 * sign-in form and the filter-served paths are published for the platform's rate limit and metrics).
 */
@Configuration(proxyBeanMethods = false)
class IdentityEndpoints {

    @Bean
    EndpointRules identityEndpointRules() {
        return EndpointRules.of(
                "identity",
                get("/login", Access.PUBLIC),
                post("/login", Access.PUBLIC),
                post("/logout", Access.PUBLIC),
                get("/register", Access.PUBLIC),
                post("/register", Access.PUBLIC),
                get(PasswordChange.PAGE, Access.AUTHENTICATED),
                post(PasswordChange.PAGE, Access.AUTHENTICATED),
                get("/oauth2/consent", Access.AUTHENTICATED),
                get("/account/profile", Access.AUTHENTICATED),
                post("/account/profile", Access.AUTHENTICATED),
                get("/api/v1/me", Access.AUTHENTICATED),
                post("/api/v1/me/password", Access.AUTHENTICATED),
                get("/api/v1/me/notifications", Access.AUTHENTICATED),
                put("/api/v1/me/notifications", Access.AUTHENTICATED),
                get("/api/v1/users", Access.ADMIN),
                post("/api/v1/users", Access.ADMIN),
                get("/api/v1/users/{id}", Access.ADMIN),
                put("/api/v1/users/{id}/roles", Access.ADMIN),
                post("/api/v1/users/{id}/disable", Access.ADMIN),
                post("/api/v1/users/{id}/enable", Access.ADMIN),
                post("/api/v1/users/{id}/unlock", Access.ADMIN),
                post("/api/v1/users/{id}/password-reset", Access.ADMIN),
                get("/api/v1/clients", Access.ADMIN),
                post("/api/v1/clients", Access.ADMIN),
                get("/api/v1/clients/{clientId}", Access.ADMIN),
                delete("/api/v1/clients/{clientId}", Access.ADMIN));
    }

    /** The form that {@link #loginForm()} configures; the platform's login rate limit counts attempts there. */
    @Bean
    SignInForm signInForm() {
        return new SignInForm("/login", "username");
    }

    /** Sign-in and sign-out are answered by Spring Security's filters: metrics label them with their path. */
    @Bean
    FilterServedPaths signInPaths() {
        return FilterServedPaths.of("identity", "/login", "/logout");
    }

    @Bean
    HttpSecurityContribution loginForm() {
        return http -> {
            // Wrong password, unknown address, locked or disabled account: one answer, so that the form never tells
            // whether an account exists.
            http.formLogin(form -> form.loginPage("/login").failureUrl("/login?error"))
                    .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                    .addFilterAfter(new PasswordChangeGate(), SecurityContextHolderFilter.class);
        };
    }
}
