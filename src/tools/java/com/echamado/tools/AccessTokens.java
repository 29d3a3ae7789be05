package com.echamado.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools' one JWT minter: access tokens as the service's issuer makes them ({@code TokenClaims}), signed RS256 with
 * the PKCS#8 PEM key the service was given as {@code JWT_SIGNING_KEY}: {@code sub} = user id, {@code roles},
 * {@code scope}, {@code aud} = echamado-api, {@code iss} = the issuer. Used by the benchmark's load generator and, as
 * a command, by the rehearsal.
 *
 * <p>Command: {@code AccessTokens KEY_PEM SUBJECT ISSUER ROLE[,ROLE] [LIFETIME_SECONDS]}; prints the token.
 */
public final class AccessTokens {

    public static final String AUDIENCE = "echamado-api";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final PrivateKey key;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public AccessTokens(Path pem, String issuer, Duration lifetime, Clock clock) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        long lifetime = args.length > 4 ? Long.parseLong(args[4]) : 7200;
        AccessTokens tokens =
                new AccessTokens(Path.of(args[0]), args[2], Duration.ofSeconds(lifetime), Clock.systemUTC());
        System.out.println(tokens.mint(args[1], List.of(args[3].split(","))));
    }

    /** A signed access token (compact JWS) for {@code subject} with {@code roles}. */
    public String mint(String subject, List<String> roles) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", List.of(AUDIENCE));
        claims.put("roles", roles);
        claims.put("scope", List.of("openid", "profile"));
        claims.put("iat", now);
        claims.put("nbf", now - 60);
        claims.put("exp", now + lifetime.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = HEADER + "." + B64.encodeToString(json.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
