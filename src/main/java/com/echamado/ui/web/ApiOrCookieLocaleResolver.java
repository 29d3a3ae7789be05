package com.echamado.ui.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The API speaks the language of {@code Accept-Language} (English or Brazilian Portuguese, the latter by default): it
 * has no session and no language cookie. Pages use the language chosen in the UI, remembered in a cookie, and the
 * viewer's time zone that the pages' resolver knows.
 */
final class ApiOrCookieLocaleResolver implements LocaleContextResolver {

    private final LocaleContextResolver pages;
    private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();

    ApiOrCookieLocaleResolver(LocaleContextResolver pages, Locale defaultLocale) {
        this.pages = pages;
        api.setSupportedLocales(List.of(defaultLocale, Locale.ENGLISH));
        api.setDefaultLocale(defaultLocale);
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return isApi(request) ? api.resolveLocale(request) : pages.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (!isApi(request)) {
            pages.setLocale(request, response, locale);
        }
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return isApi(request)
                ? new SimpleLocaleContext(api.resolveLocale(request))
                : pages.resolveLocaleContext(request);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        if (!isApi(request)) {
            pages.setLocaleContext(request, response, context);
        }
    }
}
