package com.echamado.ui.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The viewer's time zone: the browser's, which {@code app.js} keeps in the {@value #COOKIE} cookie (an IANA name such
 * as {@code America/Sao_Paulo}); the server's until the browser has told it, or when the name is unknown.
 */
final class ViewerTimeZone {

    static final String COOKIE = "ECHAMADO_TZ";

    private ViewerTimeZone() {}

    static TimeZone of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && cookie.getValue().length() <= 64) {
                    try {
                        return TimeZone.getTimeZone(ZoneId.of(cookie.getValue()));
                    } catch (DateTimeException unknown) {
                        return TimeZone.getDefault();
                    }
                }
            }
        }
        return TimeZone.getDefault();
    }
}
