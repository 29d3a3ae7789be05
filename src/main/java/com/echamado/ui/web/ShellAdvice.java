package com.echamado.ui.web;

import com.echamado.tickets.web.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs, for the pages of every module: the viewer (navigation by role; with their rights on
 * tickets, which the pages that show tickets use), the chosen theme and the request id shown on error pages. The
 * viewer is skipped for the JSON API, whose handlers have no layout.
 */
@ControllerAdvice(
        basePackages = {
            "com.echamado.ui.web",
            "com.echamado.identity.web",
            "com.echamado.catalog.web",
            "com.echamado.tickets.web",
            "com.echamado.dashboard.web",
            "com.echamado.comments.web"
        })
class ShellAdvice {

    static final String THEME_COOKIE = "ECHAMADO_THEME";

    private final Viewers viewers;

    ShellAdvice(Viewers viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return viewers.of(authentication).orElse(null);
    }

    @ModelAttribute("theme")
    String theme(@CookieValue(name = THEME_COOKIE, required = false) String theme) {
        return "dark".equals(theme) || "light".equals(theme) ? theme : null;
    }

    @ModelAttribute("requestId")
    String requestId(HttpServletResponse response) {
        String id = response.getHeader("X-Request-Id");
        return id != null ? id : MDC.get("requestId");
    }
}
