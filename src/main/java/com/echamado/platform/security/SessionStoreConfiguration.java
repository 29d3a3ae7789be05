package com.echamado.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Browser sessions and the session store (Redis in {@code prod}): API calls never look a session up. (Pages answer
 * 503, not 500, while the store is unreachable: {@code platform/web}'s {@code ServiceUnavailable}.)
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    FilterRegistrationBean<ApiWithoutSessionCookie> apiWithoutSessionCookie(
            @Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
        var registration = new FilterRegistrationBean<>(new ApiWithoutSessionCookie(cookieName));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
