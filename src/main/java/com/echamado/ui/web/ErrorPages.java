package com.echamado.ui.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The friendly error page ({@code templates/error.html}) for 403, 404, 500 and the rest, in the viewer's language,
 * with the navigation and the request id (the {@code X-Request-Id} response header) to quote to support. Never
 * the exception or stack trace.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private final Viewers viewers;

    ErrorPages(Viewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>();
        page.put("status", status.value());
        String requestId = (String) request.getAttribute("echamado.requestId");
        page.put("requestId", requestId != null ? requestId : MDC.get("requestId"));
        try {
            viewers.of(SecurityContextHolder.getContext().getAuthentication())
                    .ifPresent(viewer -> page.put("viewer", viewer));
        } catch (RuntimeException unknownUser) {
            // the error page must render even when the session's user is gone
        }
        return new ModelAndView("error", page, status);
    }
}
