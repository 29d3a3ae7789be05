package com.echamado.ui.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two message bundles as a reader of a page sees them: which phrases belong to one language only, so that a page
 * in one language showing a phrase of the other is caught, and the marks Thymeleaf leaves for a missing key.
 */
final class Bundles {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    /** What Thymeleaf renders for a key missing from the bundle: {@code ??key_pt_BR??}. */
    private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^\\s?<>\"]+\\?\\?");
    /** Messages a page reports: field errors and alerts (a paragraph, or the items of a list). */
    private static final Pattern REPORTED =
            Pattern.compile("(?s)class=\"(?:field-error|alert [a-z]+)\"[^>]*>(.*?)</(?:p|ul)>");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

    static final Properties PORTUGUESE = load("messages.properties");
    static final Properties ENGLISH = load("messages_en.properties");

    private Bundles() {}

    static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * Phrases of {@code other} that {@code own} does not have: several words, no placeholder, different from the
     * translation of the same key — long enough that a page cannot hold them by chance.
     */
    static Set<String> phrasesOnlyIn(Properties other, Properties own) {
        Set<String> out = new TreeSet<>();
        for (String key : other.stringPropertyNames()) {
            String value = other.getProperty(key).strip();
            if (value.length() >= 12
                    && value.contains(" ")
                    && !value.contains("{")
                    && !value.equals(own.getProperty(key, "").strip())
                    && own.values().stream().noneMatch(v -> v.toString().contains(value))) {
                out.add(value);
            }
        }
        return out;
    }

    /** What is wrong with this text in this language ("pt" or "en"): raw keys and phrases of the other language. */
    static List<String> leaks(String text, String language) {
        String readable = unescape(text);
        List<String> out = new java.util.ArrayList<>();
        Matcher raw = RAW_KEY.matcher(readable);
        while (raw.find()) {
            out.add("missing key " + raw.group());
        }
        Properties own = "en".equals(language) ? ENGLISH : PORTUGUESE;
        Properties other = "en".equals(language) ? PORTUGUESE : ENGLISH;
        for (String phrase : phrasesOnlyIn(other, own)) {
            if (readable.contains(phrase)) {
                out.add("phrase of the other language: \"" + phrase + "\"");
            }
        }
        return out;
    }

    /**
     * The field errors and alerts of a page, and the given texts of an API answer, that are no message of this
     * language's bundle (placeholders match anything): text of the other bundle, or of none (an English default).
     */
    static List<String> notFromBundle(String language, List<String> texts) {
        Properties own = "en".equals(language) ? ENGLISH : PORTUGUESE;
        List<Pattern> messages = own.values().stream()
                .map(value -> toPattern(value.toString().strip()))
                .toList();
        return texts.stream()
                .map(text -> unescape(text).strip())
                .filter(text -> !text.isEmpty())
                .filter(text -> messages.stream().noneMatch(m -> m.matcher(text).matches()))
                .map(text -> "not a message of messages" + ("en".equals(language) ? "_en" : "") + ": \"" + text + "\"")
                .toList();
    }

    /** The texts of a page's field errors and alerts. */
    static List<String> reported(String html) {
        List<String> out = new java.util.ArrayList<>();
        Matcher reported = REPORTED.matcher(html);
        while (reported.find()) {
            for (String item : reported.group(1).split("</?li[^>]*>")) {
                out.add(item.replaceAll("<[^>]+>", ""));
            }
        }
        return out;
    }

    private static Pattern toPattern(String message) {
        String text = message.replace("''", "'");
        StringBuilder regex = new StringBuilder();
        int at = 0;
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            regex.append(Pattern.quote(text.substring(at, placeholder.start()))).append(".+");
            at = placeholder.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(text.substring(at))).toString(), Pattern.DOTALL);
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
