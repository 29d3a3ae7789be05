package com.echamado.identity.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.echamado.identity.IdentityProperties;
import com.echamado.support.TestKeys;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;

/** Signing keys from JWT_SIGNING_KEY, and key rotation: sign with the first key, accept and publish them all. */
class SigningKeysTests {

    private final AuthorizationServerConfiguration configuration = new AuthorizationServerConfiguration();

    @Test
    void anRsaPrivateKeyGivesAnRs256SigningKey() {
        JWK key = single(SigningKeys.fromPem(TestKeys.rsa()));
        assertThat(key.getKeyType()).isEqualTo(KeyType.RSA);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isNotBlank();
    }

    @Test
    void anEcPrivateKeyFollowedByItsPublicKeyGivesAnEs256SigningKey() {
        JWK key = single(SigningKeys.fromPem(TestKeys.ec()));
        assertThat(key.getKeyType()).isEqualTo(KeyType.EC);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(key.isPrivate()).isTrue();
    }

    @Test
    void theKeyIdIsTheSameOnEveryParseAndAcceptsEscapedNewlines() {
        String pem = TestKeys.rsa();
        String kid = single(SigningKeys.fromPem(pem)).getKeyID();
        assertThat(single(SigningKeys.fromPem(pem)).getKeyID()).isEqualTo(kid);
        assertThat(single(SigningKeys.fromPem(pem.replace("\n", "\\n"))).getKeyID())
                .as("a PEM passed through an environment variable with \\n escapes")
                .isEqualTo(kid);
        assertThat(single(SigningKeys.fromPem(TestKeys.rsa())).getKeyID()).isNotEqualTo(kid);
    }

    @Test
    void garbageIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> SigningKeys.fromPem("changeme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JWT_SIGNING_KEY holds no PEM private key");
        assertThatThrownBy(() -> SigningKeys.fromPem(
                        "-----BEGIN PRIVATE KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JWT_SIGNING_KEY holds an unreadable key");
        assertThatThrownBy(() -> SigningKeys.fromPem(TestKeys.rsa()
                        .replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
                        .replace("END PRIVATE KEY", "END RSA PRIVATE KEY")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported PEM block 'RSA PRIVATE KEY'")
                .hasMessageContaining("openssl pkcs8");
        String ecPrivateOnly = TestKeys.ec().split("(?=-----BEGIN PUBLIC KEY-----)")[0];
        assertThatThrownBy(() -> SigningKeys.fromPem(ecPrivateOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EC private key must be followed by its PUBLIC KEY");
    }

    @Test
    void withTwoKeysTheFirstSignsAndBothArePublishedAndAccepted() throws Exception {
        String newKey = TestKeys.ec();
        String oldKey = TestKeys.rsa();
        JWKSet keys = SigningKeys.fromPem(newKey + oldKey);
        assertThat(keys.getKeys()).hasSize(2);
        String newKid = keys.getKeys().get(0).getKeyID();
        String oldKid = keys.getKeys().get(1).getKeyID();

        JWKSource<SecurityContext> published = configuration.jwkSource(keys);
        List<JWK> jwks = published.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        assertThat(jwks).extracting(JWK::getKeyID).containsExactly(newKid, oldKid);
        assertThat(jwks).noneMatch(JWK::isPrivate);

        JwtEncoder encoder = configuration.jwtEncoder(keys);
        JwtDecoder decoder =
                configuration.decoder(published, properties(), jwt -> OAuth2TokenValidatorResult.success());
        String current = sign(encoder, SignatureAlgorithm.ES256);
        assertThat(OAuthSteps.header(current).get("kid").asString()).isEqualTo(newKid);
        assertThat(decoder.decode(current).getSubject()).isEqualTo("someone");

        String beforeRotation = sign(configuration.jwtEncoder(SigningKeys.fromPem(oldKey)), SignatureAlgorithm.RS256);
        assertThat(OAuthSteps.header(beforeRotation).get("kid").asString()).isEqualTo(oldKid);
        assertThat(decoder.decode(beforeRotation).getSubject())
                .as("a token signed by the retiring key stays valid")
                .isEqualTo("someone");

        String foreign = sign(configuration.jwtEncoder(SigningKeys.fromPem(TestKeys.rsa())), SignatureAlgorithm.RS256);
        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(JwtException.class);
    }

    private static String sign(JwtEncoder encoder, SignatureAlgorithm algorithm) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject("someone")
                .audience(List.of("echamado-api"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(60))
                .build();
        return encoder.encode(
                        JwtEncoderParameters.from(JwsHeader.with(algorithm).build(), claims))
                .getTokenValue();
    }

    private static IdentityProperties properties() {
        return new IdentityProperties(
                null,
                "echamado-api",
                null,
                null,
                null,
                null,
                null,
                false,
                5,
                Duration.ofMinutes(15),
                Duration.ofMinutes(10),
                Duration.ofHours(8),
                new IdentityProperties.PublicClient(null, List.of(), List.of()),
                new IdentityProperties.IntegrationClient(null, null, null, List.of()));
    }

    private static JWK single(JWKSet keys) {
        assertThat(keys.getKeys()).hasSize(1);
        return keys.getKeys().get(0);
    }
}
