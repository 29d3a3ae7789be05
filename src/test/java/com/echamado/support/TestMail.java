package com.echamado.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** One in-process SMTP server (GreenMail on a free port) for the whole test run; every context sends to it. */
public final class TestMail {

    public static final GreenMail SMTP = start();

    private TestMail() {}

    private static GreenMail start() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    public static int port() {
        return SMTP.getSmtp().getPort();
    }
}
