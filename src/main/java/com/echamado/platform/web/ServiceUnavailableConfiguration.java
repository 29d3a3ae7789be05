package com.echamado.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** 503 instead of 500 while Redis or PostgreSQL is unreachable ({@link ServiceUnavailable}). */
@Configuration(proxyBeanMethods = false)
class ServiceUnavailableConfiguration {

    /** Just outside Spring Session's filter (to see its failures), inside the request metrics (to count the 503). */
    @Bean
    FilterRegistrationBean<ServiceUnavailable> serviceUnavailable(
            MessageSource messages, LocaleResolver locales, ObjectProvider<ResourceUrlProvider> resourceUrls) {
        var registration = new FilterRegistrationBean<>(new ServiceUnavailable(messages, locales, resourceUrls));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
        return registration;
    }
}
