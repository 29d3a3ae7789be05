package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a person reads comes from the message bundles: templates hold no literal text (outside tags and in the
 * attributes people read), every message key a template names exists, and both languages have the same keys.
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
    private static final Pattern READABLE_ATTRIBUTE =
            Pattern.compile("\\s(title|placeholder|alt|aria-label|value|label)=\"([^\"]*\\p{L}[^\"]*)\"");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            String text = textOutsideTags(html);
            for (String line : text.split("\n")) {
                if (line.strip().codePoints().anyMatch(Character::isLetter)) {
                    offences.add(template + ": text \"" + line.strip() + "\"");
                }
            }
            Matcher attribute = READABLE_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                if (!isMachineValue(attribute.group(1), attribute.group(2))) {
                    offences.add(template + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
                }
            }
        }
        assertThat(offences)
                .as("literal text in templates; use th:text=\"#{key}\"")
                .isEmpty();
    }

    @Test
    void everyMessageKeyExistsInBothLanguages() throws IOException {
        Properties portuguese = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertThat(new TreeSet<>(english.stringPropertyNames()))
                .as("keys of messages_en.properties versus messages.properties")
                .isEqualTo(new TreeSet<>(portuguese.stringPropertyNames()));
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher key = KEY.matcher(Files.readString(template));
            while (key.find()) {
                String name = key.group(1);
                if (!name.endsWith(".") && !portuguese.containsKey(name)) {
                    missing.add(template.getFileName() + ": " + name);
                }
            }
        }
        assertThat(missing).as("message keys used by templates but missing").isEmpty();
    }

    /** Values that are data, not words: form values like "me", "true", language tags, role and grant names. */
    private static boolean isMachineValue(String attribute, String value) {
        return "value".equals(attribute) && value.matches("[a-z][A-Za-z_-]*|pt-BR");
    }

    /** The characters outside tags, skipping quoted attribute values (which may contain '>'). */
    static String textOutsideTags(String html) {
        StringBuilder out = new StringBuilder();
        boolean inTag = false;
        char quote = 0;
        for (char c : html.toCharArray()) {
            if (inTag) {
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    inTag = false;
                    out.append('\n');
                }
            } else if (c == '<') {
                inTag = true;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
