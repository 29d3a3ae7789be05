package com.echamado.notifications;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Subject and body of each notification in the recipient's language: {@code notifications/mail.properties}
 * (Brazilian Portuguese, the default) and {@code mail_en.properties} (English, for any {@code en*} language).
 */
@Component
class MailTemplates {

    record Mail(String subject, String body) {}

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    MailTemplates() {
        messages.setBasename("notifications/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    Mail render(String template, String language, Object... arguments) {
        Locale locale = locale(language);
        return new Mail(
                messages.getMessage("mail." + template + ".subject", arguments, locale),
                messages.getMessage("mail." + template + ".body", arguments, locale));
    }

    /** A label of the templates' bundle ({@code mail.priority.HIGH}…) in the given language. */
    String label(String key, String language) {
        return messages.getMessage(key, null, locale(language));
    }

    private static Locale locale(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.forLanguageTag("pt-BR");
    }
}
