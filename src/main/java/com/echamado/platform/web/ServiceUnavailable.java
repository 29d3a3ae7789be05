package com.echamado.platform.web;

import com.echamado.platform.ops.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.HtmlUtils;

/**
 * A request that cannot be served because a backing service is unreachable gets 503 with {@code Retry-After}, never a
 * 500: as a short page in the visitor's language that needs neither the session nor the database, or as an RFC 9457
 * problem for the API and JSON clients. Two outages are recognised anywhere in the cause chain, whether a controller,
 * a filter, the session or the view failed:
 *
 * <ul>
 *   <li>Redis ({@code prod}): browser sessions live there, so every signed-in page and the sign-in page (which keeps
 *       its CSRF token in the session) fail; bearer-token API calls never touch the session and keep working;
 *   <li>PostgreSQL: no connection could be obtained (server down or starting, connection lost, or the pool's
 *       {@code connection-timeout} expired because every connection is busy, i.e. overload). See
 *       {@link DatabaseOutage}.
 * </ul>
 *
 * Runs before Spring Session's filter, so it also sees the failures of loading and of saving the session, and after
 * the request metrics, so they count the 503.
 */
final class ServiceUnavailable extends OncePerRequestFilter {

    /** Sessions come back once Redis is reachable again, and Lettuce reconnects with a growing pause. */
    static final String SESSION_RETRY_AFTER_SECONDS = "10";
    /** The pool reconnects in the background within a second or two of the database's return. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    private static final Logger LOG = LoggerFactory.getLogger(ServiceUnavailable.class);
    private static final String SESSION_DETAIL = "Sessions are unavailable for a moment; sign-in and pages will be back"
            + " shortly. Bearer-token API calls are not affected.";
    private static final String DATABASE_DETAIL = "The service is busy or its database is unreachable. Retry shortly.";

    private static final String STYLESHEET = "/css/app.css";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectProvider<ResourceUrlProvider> resourceUrls;

    ServiceUnavailable(
            MessageSource messages, LocaleResolver locales, ObjectProvider<ResourceUrlProvider> resourceUrls) {
        this.messages = messages;
        this.locales = locales;
        this.resourceUrls = resourceUrls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            boolean redis = causedByRedis(e);
            if (!redis && !DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn(
                    "{} unreachable, answering 503 to {} {}: {}",
                    redis ? "Session store" : "Database",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getClass().getSimpleName());
            LOG.debug("Outage", e);
            answer(
                    request,
                    response,
                    redis ? SESSION_RETRY_AFTER_SECONDS : DATABASE_RETRY_AFTER_SECONDS,
                    redis ? SESSION_DETAIL : DATABASE_DETAIL);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String retryAfter, String detail)
            throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsJson(request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
                            + "\"detail\":\"" + detail + "\"}");
        } else {
            Locale locale = locale(request);
            String title = messages.getMessage("error.503.title", null, "Service unavailable", locale);
            String text = messages.getMessage("error.503.text", null, "Please try again shortly.", locale);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(page(locale, title, text, retryAfter, stylesheet()));
        }
    }

    private Locale locale(HttpServletRequest request) {
        try {
            return locales.resolveLocale(request);
        } catch (RuntimeException e) {
            return request.getLocale();
        }
    }

    /**
     * The stylesheet's content-hashed path, as the pages link it: static files are cached for a year, so the plain
     * path could show an older release's styles after an upgrade.
     */
    private String stylesheet() {
        ResourceUrlProvider urls = resourceUrls.getIfAvailable();
        String versioned = urls == null ? null : urls.getForLookupPath(STYLESHEET);
        return versioned == null ? STYLESHEET : versioned;
    }

    private static String page(Locale locale, String title, String text, String retryAfter, String stylesheet) {
        return "<!DOCTYPE html>\n<html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag()) + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"" + retryAfter + "\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " · EChamado</title>"
                + "<link rel=\"stylesheet\" href=\"" + HtmlUtils.htmlEscape(stylesheet) + "\"></head>"
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
