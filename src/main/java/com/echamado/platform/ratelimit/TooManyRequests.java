package com.echamado.platform.ratelimit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The 429 answer of both rate limits: {@code Retry-After} and an RFC 9457 body. */
final class TooManyRequests {

    private TooManyRequests() {}

    static void write(HttpServletResponse response, String title, long retryAfter) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":429,\"detail\":\"" + title
                        + ". Try again in " + retryAfter + " seconds.\"}");
    }
}
