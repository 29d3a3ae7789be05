package com.echamado.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests that Spring Security's firewall refuses ({@code %2e%2e}, {@code //}, {@code ;}, encoded slashes, unknown
 * methods…): 400, or 405 for a method outside the standard ones, as a problem on the API and the error page
 * elsewhere. Logged at DEBUG in one line (as Spring Security does), since a client sent them.
 */
final class RejectedRequests implements RequestRejectedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedRequests.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        boolean method = !METHODS.contains(request.getMethod());
        LOG.debug(
                "Firewall refused {} {}: {}",
                RawProblems.safeUri(request.getMethod()),
                RawProblems.safeUri(request.getRequestURI()),
                rejected.getMessage());
        if (method) {
            response.setHeader("Allow", String.join(", ", METHODS));
        }
        RawProblems.answer(
                request,
                response,
                method ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.BAD_REQUEST,
                method
                        ? "This method is not supported."
                        : "The request path or headers contain characters or sequences that are not allowed"
                                + " (encoded dots or slashes, '//', ';', control characters).",
                List.of());
    }
}
