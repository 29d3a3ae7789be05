package com.echamado.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * The service's own log while a test runs, as Logback delivers it: the events that would bury real failures, i.e.
 * anything at ERROR and anything logged with a stack trace, from request threads.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> noisy = new CopyOnWriteArrayList<>();

    static CapturedLogs capture() {
        CapturedLogs logs = new CapturedLogs();
        logs.setName("captured-" + System.nanoTime());
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        return logs;
    }

    @Override
    protected void append(ILoggingEvent event) {
        boolean request =
                event.getThreadName().contains("exec-") || event.getThreadName().startsWith("http-");
        if (request && (event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null)) {
            noisy.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                            ? ""
                            : " [" + event.getThrowableProxy().getClassName() + "]"));
        }
    }

    /** Errors and stack traces logged so far. */
    List<String> errorsAndStackTraces() {
        return List.copyOf(noisy);
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        stop();
    }
}
