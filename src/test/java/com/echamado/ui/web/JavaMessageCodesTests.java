package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message code the Java code names exists in both bundles: literal keys ({@code "admin.users.saved"},
 * {@code "identity.weak-password.too-short"}) and the keys that pages and the API build from the code of a refused
 * change ({@code "ticket.rejected." + code}, {@code "admin.catalog.error." + code}).
 */
class JavaMessageCodesTests {

    private static final Path SOURCES = Path.of("src/main/java/com/echamado");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z0-9-]+)+)\"");
    private static final Pattern CONFLICT_CODE =
            Pattern.compile("(Ticket|Catalog)Exception\\.conflict\\(\\s*\"([a-z-]+)\"");

    @Test
    void everyLiteralMessageCodeInJavaExistsInBothBundles() throws IOException {
        Set<String> namespaces = Bundles.PORTUGUESE.stringPropertyNames().stream()
                .map(key -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Path source : sources()) {
            Matcher literal = LITERAL.matcher(Files.readString(source));
            while (literal.find()) {
                String code = literal.group(1);
                if (namespaces.contains(code.substring(0, code.indexOf('.')))) {
                    missingFrom(code, source, missing);
                }
            }
        }
        assertThat(missing)
                .as("message codes named in Java but missing from a bundle")
                .isEmpty();
    }

    @Test
    void everyRefusalOfATicketOrCatalogChangeHasAMessage() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path source : sources()) {
            Matcher conflict = CONFLICT_CODE.matcher(Files.readString(source));
            while (conflict.find()) {
                String prefix = "Ticket".equals(conflict.group(1)) ? "ticket.rejected." : "admin.catalog.error.";
                missingFrom(prefix + conflict.group(2), source, missing);
            }
        }
        assertThat(missing).as("refusals without a message").isEmpty();
    }

    private static void missingFrom(String code, Path source, Set<String> missing) {
        for (Properties bundle : List.of(Bundles.PORTUGUESE, Bundles.ENGLISH)) {
            if (!bundle.containsKey(code)) {
                missing.add(source.getFileName() + ": " + code
                        + (bundle == Bundles.ENGLISH ? " (messages_en)" : " (messages)"));
            }
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            // e-mails have their own bundles (notifications/) and name their templates like keys
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(SOURCES.resolve("notifications")))
                    .sorted()
                    .toList();
        }
    }
}
