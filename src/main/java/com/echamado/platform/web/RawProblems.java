package com.echamado.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 bodies written where no controller advice reaches: servlet filters, the security firewall and the servlet
 * container. The API ({@code /api/**}) and clients that ask for JSON get {@code application/problem+json}; pages get
 * the error page.
 */
final class RawProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawProblems() {}

    static boolean wantsProblem(String uri, String accept) {
        return uri != null && (uri.equals("/api") || uri.startsWith("/api/"))
                || accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    static boolean wantsProblem(HttpServletRequest request) {
        return wantsProblem(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT));
    }

    static String body(HttpStatus status, String detail, String instance, List<Map<String, String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", errors.isEmpty() ? status.getReasonPhrase() : "Invalid request");
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return JSON.writeValueAsString(body);
    }

    /** Answers the request with a problem (API and JSON clients) or the error page (browsers). */
    static void answer(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            List<Map<String, String>> errors)
            throws IOException {
        if (!wantsProblem(request)) {
            response.sendError(status.value());
            return;
        }
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(status, detail, safeUri(request.getRequestURI()), errors));
    }

    /** The request path as far as it is printable; a rejected request's path is not echoed as it came. */
    static String safeUri(String uri) {
        if (uri == null) {
            return null;
        }
        String printable = uri.replaceAll("[^\\x21-\\x7e]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) : printable;
    }
}
