package com.echamado.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** At least 12 and at most 128 characters, not on the bundled list of common passwords, not one repeated symbol. */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("identity/common-passwords.txt");
    }

    void check(String field, String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw IdentityException.weakPassword(
                    field,
                    "identity.weak-password.too-short",
                    "The password needs at least " + MIN_LENGTH + " characters",
                    MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw IdentityException.weakPassword(
                    field,
                    "identity.weak-password.too-long",
                    "The password may have at most " + MAX_LENGTH + " characters",
                    MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || password.chars().distinct().count() < 4) {
            throw IdentityException.weakPassword(
                    field, "identity.weak-password.too-common", "This password is too common; choose another one");
        }
        if (email != null && lower.contains(email.trim().toLowerCase(Locale.ROOT))) {
            throw IdentityException.weakPassword(
                    field, "identity.weak-password.contains-email", "The password must not contain the e-mail address");
        }
    }

    private static Set<String> load(String path) {
        Set<String> words = new HashSet<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common-password list " + path, e);
        }
        return Set.copyOf(words);
    }
}
