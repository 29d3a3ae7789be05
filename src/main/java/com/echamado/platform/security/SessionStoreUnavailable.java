package com.echamado.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Browser sessions live in Redis ({@code prod}). When Redis cannot be reached, a request that needs its session
 * (every signed-in page, and the sign-in page, which keeps its CSRF token there) cannot be served: instead of a 500
 * it gets 503 with {@code Retry-After}, as a short page in the visitor's language that does not itself need the
 * session, or as an RFC 9457 problem for JSON clients. Runs before Spring Session's filter, so it also sees the
 * failures of loading and of saving the session. Bearer-token API calls never touch the session and keep working.
 */
final class SessionStoreUnavailable extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger LOG = LoggerFactory.getLogger(SessionStoreUnavailable.class);

    private final MessageSource messages;
    private final LocaleResolver locales;

    SessionStoreUnavailable(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!causedByRedis(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn(
                    "Session store unreachable, answering 503 to {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getClass().getSimpleName());
            LOG.debug("Session store failure", e);
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Locale locale = locale(request);
            String title = messages.getMessage("error.503.title", null, "Service unavailable", locale);
            String text = messages.getMessage("error.503.text", null, "Please try again shortly.", locale);
            if (wantsJson(request)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter()
                        .write("{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
                                + "\"detail\":\"Sessions are unavailable for a moment; sign-in and pages will be back"
                                + " shortly. Bearer-token API calls are not affected.\"}");
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter().write(page(locale, title, text));
            }
        }
    }

    private Locale locale(HttpServletRequest request) {
        try {
            return locales.resolveLocale(request);
        } catch (RuntimeException e) {
            return request.getLocale();
        }
    }

    private static String page(Locale locale, String title, String text) {
        return "<!DOCTYPE html>\n<html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag()) + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " · EChamado</title>"
                + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head>"
                + "<body><main class=\"card narrow\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
                + HtmlUtils.htmlEscape(text) + "</p></main></body></html>\n";
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getRequestURI().startsWith("/api/")
                || accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    /** Whether Redis (Spring Data Redis or its Lettuce client) failed somewhere in the cause chain. */
    static boolean causedByRedis(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("org.springframework.data.redis.") || name.startsWith("io.lettuce.core.")) {
                return true;
            }
        }
        return false;
    }
}
