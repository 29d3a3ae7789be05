package com.echamado.identity;

import java.time.Clock;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User.UserBuilder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a user for the login form by e-mail. The principal's name is the user's id, so that the OAuth2 subject
 * ({@code sub}) is stable when the e-mail changes.
 */
@Component
class Accounts implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    Accounts(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        User user = users.findByEmailNormalized(User.normalize(email))
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        UserBuilder builder = org.springframework.security.core.userdetails.User.withUsername(
                        user.id().toString())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .accountLocked(user.isLocked(clock.instant()))
                .authorities(user.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList());
        if (user.mustChangePassword()) {
            builder.authorities(List.of(new SimpleGrantedAuthority(PasswordChange.REQUIRED_AUTHORITY)));
        }
        return builder.build();
    }
}
