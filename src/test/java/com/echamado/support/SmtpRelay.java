package com.echamado.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP relay in front of GreenMail that passes every byte through, except that it can answer {@code RCPT TO} for
 * chosen addresses with {@code 450} (mailbox temporarily unavailable) a given number of times, as a real server
 * does when one recipient's mailbox is unavailable. GreenMail itself accepts every recipient.
 */
final class SmtpRelay {

    private final int upstreamPort;
    private final ServerSocket server;
    private final Map<String, AtomicInteger> toRefuse = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

    SmtpRelay(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void refuseNext(String address, int times) {
        toRefuse.put(address.toLowerCase(Locale.ROOT), new AtomicInteger(times));
    }

    int refused(String address) {
        AtomicInteger count = refused.get(address.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> relay(client), "smtp-relay-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            OutputStream toClient = client.getOutputStream();
            OutputStream toUpstream = upstream.getOutputStream();
            Thread answers = new Thread(() -> pump(upstream, toClient), "smtp-relay-answers");
            answers.setDaemon(true);
            answers.start();
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            boolean data = false;
            byte[] line;
            while ((line = readLine(fromClient)) != null) {
                String text = new String(line, StandardCharsets.ISO_8859_1).trim();
                if (data) {
                    data = !text.equals(".");
                } else if (text.toUpperCase(Locale.ROOT).startsWith("RCPT TO:") && refuse(text)) {
                    synchronized (toClient) {
                        toClient.write(
                                "450 4.2.1 Mailbox temporarily unavailable\r\n".getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                    }
                    continue;
                } else if (text.equalsIgnoreCase("DATA")) {
                    data = true;
                }
                toUpstream.write(line);
                toUpstream.flush();
            }
        } catch (IOException ignored) {
            // the client or GreenMail hung up
        }
    }

    private boolean refuse(String rcpt) {
        int open = rcpt.indexOf('<');
        int close = rcpt.indexOf('>');
        if (open < 0 || close < open) {
            return false;
        }
        String address = rcpt.substring(open + 1, close).toLowerCase(Locale.ROOT);
        AtomicInteger remaining = toRefuse.get(address);
        if (remaining == null || remaining.getAndDecrement() <= 0) {
            return false;
        }
        refused.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    private static void pump(Socket upstream, OutputStream toClient) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = upstream.getInputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (toClient) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
            }
        } catch (IOException ignored) {
            // closed
        }
    }

    /** One line with its terminator, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
