package com.echamado.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One in-process SMTP server (GreenMail on a free port) for the whole test run; every context sends to it through
 * {@link SmtpRelay}, which can make chosen recipients fail.
 */
public final class TestMail {

    public static final GreenMail SMTP = start();
    private static final SmtpRelay RELAY = relay();

    private TestMail() {}

    private static GreenMail start() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    private static SmtpRelay relay() {
        try {
            return new SmtpRelay(SMTP.getSmtp().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the service sends mail to. */
    public static int port() {
        return RELAY.port();
    }

    /** Answers the next {@code times} {@code RCPT TO:<address>} with 450 (mailbox temporarily unavailable). */
    public static void refuseNext(String address, int times) {
        RELAY.refuseNext(address, times);
    }

    /** How often a recipient was refused so far. */
    public static int refusals(String address) {
        return RELAY.refused(address);
    }
}
