package com.echamado.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail through SMTP when {@code spring.mail.host} is set; without it (the {@code local} profile)
 * the mail is only logged. A failing SMTP server throws, so the event is retried.
 */
@Component
class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationsProperties properties;

    Mailer(ObjectProvider<JavaMailSender> sender, NotificationsProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    void send(String to, String subject, String body) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            LOG.info("No SMTP server configured; not sending \"{}\"", subject);
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.mailFrom());
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(body);
        smtp.send(mail);
    }
}
