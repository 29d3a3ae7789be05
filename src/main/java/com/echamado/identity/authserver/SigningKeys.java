package com.echamado.identity.authserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuer's signing keys. From {@code JWT_SIGNING_KEY}: one or more PEM blocks, PKCS#8 {@code PRIVATE KEY}
 * (RSA or EC; an EC key is followed by its {@code PUBLIC KEY} block). The first key signs; all are published in the
 * JWKS, so that a key can rotate without invalidating the tokens it signed. Key ids are RFC 7638 thumbprints, equal
 * on every replica. In {@code local} a key is generated once and kept in a file.
 */
final class SigningKeys {

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----", Pattern.MULTILINE);

    private SigningKeys() {}

    static JWKSet fromPem(String pem) {
        List<JWK> keys = new ArrayList<>();
        Matcher matcher = PEM.matcher(pem.replace("\\n", "\n"));
        PrivateKey pendingEc = null;
        while (matcher.find()) {
            String type = matcher.group(1);
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
            try {
                if (type.equals("PRIVATE KEY")) {
                    if (pendingEc != null) {
                        throw new IllegalArgumentException("an EC private key must be followed by its PUBLIC KEY");
                    }
                    PrivateKey key = privateKey(der);
                    if (key instanceof RSAPrivateCrtKey rsa) {
                        keys.add(rsaJwk(rsa));
                    } else {
                        pendingEc = key;
                    }
                } else if (type.equals("PUBLIC KEY") && pendingEc != null) {
                    PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
                    keys.add(ecJwk((ECPublicKey) publicKey, (ECPrivateKey) pendingEc));
                    pendingEc = null;
                } else {
                    throw new IllegalArgumentException(
                            "unsupported PEM block '" + type + "': convert it with 'openssl pkcs8 -topk8 -nocrypt'");
                }
            } catch (GeneralSecurityException | JOSEException e) {
                throw new IllegalArgumentException("JWT_SIGNING_KEY holds an unreadable key: " + e.getMessage(), e);
            }
        }
        if (pendingEc != null) {
            throw new IllegalArgumentException("an EC private key must be followed by its PUBLIC KEY");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("JWT_SIGNING_KEY holds no PEM private key");
        }
        return new JWKSet(keys);
    }

    /** Reads the key kept in {@code file}, creating an RSA 2048 key there on first use. */
    static JWKSet fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                Files.writeString(file, pem);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort on file systems without POSIX permissions
                }
            }
            return fromPem(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local signing key in " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }

    private static JWK rsaJwk(RSAPrivateCrtKey key) throws GeneralSecurityException, JOSEException {
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        RSAKey jwk = new RSAKey.Builder(publicKey)
                .privateKey(key)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        return new RSAKey.Builder(jwk).keyID(jwk.computeThumbprint().toString()).build();
    }

    private static JWK ecJwk(ECPublicKey publicKey, ECPrivateKey privateKey) throws JOSEException {
        Curve curve = Curve.forECParameterSpec(publicKey.getParams());
        JWSAlgorithm algorithm = Curve.P_384.equals(curve)
                ? JWSAlgorithm.ES384
                : Curve.P_521.equals(curve) ? JWSAlgorithm.ES512 : JWSAlgorithm.ES256;
        ECKey jwk = new ECKey.Builder(curve, publicKey)
                .privateKey(privateKey)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(algorithm)
                .build();
        return new ECKey.Builder(jwk).keyID(jwk.computeThumbprint().toString()).build();
    }
}
