package com.echamado.rehearsal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints an RS256 access token with the PKCS#8 PEM key the instances get as {@code JWT_SIGNING_KEY}, with the claims
 * the issuer would put in: {@code sub}, {@code roles}, {@code scope}, {@code aud}, {@code iss}.
 *
 * <p>Usage: {@code Tokens KEY_PEM SUBJECT ISSUER ROLE[,ROLE] [LIFETIME_SECONDS]}; prints the token.
 */
public final class Tokens {

    private Tokens() {}

    public static void main(String[] args) throws Exception {
        String pem = Files.readString(Path.of(args[0]));
        long lifetime = args.length > 4 ? Long.parseLong(args[4]) : 7200;
        System.out.println(mint(pem, args[1], args[2], args[3].split(","), lifetime));
    }

    static String mint(String pem, String subject, String issuer, String[] roles, long lifetimeSeconds)
            throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        long now = Instant.now().getEpochSecond();
        StringBuilder roleList = new StringBuilder();
        for (String role : roles) {
            roleList.append(roleList.isEmpty() ? "" : ",")
                    .append('"')
                    .append(role)
                    .append('"');
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = ("{\"sub\":\"%s\",\"iss\":\"%s\",\"aud\":[\"echamado-api\"],\"iat\":%d,\"nbf\":%d,"
                        + "\"exp\":%d,\"roles\":[%s],\"scope\":[\"openid\",\"api\"]}")
                .formatted(subject, issuer, now - 5, now - 5, now + lifetimeSeconds, roleList);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(signature.sign());
    }
}
