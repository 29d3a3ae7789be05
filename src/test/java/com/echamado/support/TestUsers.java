package com.echamado.support;

import com.echamado.identity.NewUser;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Creates users with random e-mails, and mints access tokens for them with the service's own key. */
@Component
public class TestUsers {

    public static final String PASSWORD = "Correct-Horse-Battery-42";

    private final UserManagement users;
    private final JwtEncoder encoder;

    TestUsers(UserManagement users, JwtEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    public UserView create(Role... roles) {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        return users.create(new NewUser(email, "Test " + roles[0], PASSWORD, Set.of(roles), "pt-BR"), null)
                .user();
    }

    /** An access token as the issuer would mint it for this user (audience, roles, scopes). */
    public String token(UserView user) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.id().toString())
                .audience(List.of("echamado-api"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("roles", user.roles().stream().map(Role::name).toList())
                .claim("scope", List.of("openid", "api"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
