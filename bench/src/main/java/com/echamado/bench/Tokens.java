package com.echamado.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens as the service's issuer makes them (TokenClaims): RS256 with the PEM key the service was given as
 * JWT_SIGNING_KEY; sub = user id, roles, scope, aud = echamado-api, iss = the issuer. One token per user, valid for
 * the whole run.
 */
final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final PrivateKey key;
    private final String issuer;
    private final String audience;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<UUID, String> cache = new ConcurrentHashMap<>();
    private final Map<UUID, List<String>> roles;

    /** {@code roles}: every user's roles as the issuer would read them (an agent may also be a requester). */
    Tokens(Path pem, String issuer, String audience, Map<UUID, List<String>> roles) throws Exception {
        this.roles = roles;
        String text = Files.readString(pem);
        String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        this.issuer = issuer;
        this.audience = audience;
    }

    String bearer(UUID user) {
        return cache.computeIfAbsent(user, u -> "Bearer " + sign(u, roles.getOrDefault(u, List.of("USER"))));
    }

    private String sign(UUID user, List<String> roles) {
        try {
            long now = System.currentTimeMillis() / 1000;
            String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            Map<String, Object> claims = Map.of(
                    "iss", issuer,
                    "sub", user.toString(),
                    "aud", List.of(audience),
                    "roles", roles,
                    "scope", "openid profile",
                    "iat", now,
                    "nbf", now - 60,
                    "exp", now + 6 * 3600,
                    "jti", UUID.randomUUID().toString());
            String payload = B64.encodeToString(json.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
