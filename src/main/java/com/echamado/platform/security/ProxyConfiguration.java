package com.echamado.platform.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

    @Bean
    PublicOrigin publicOrigin(PublicAddressProperties properties) {
        return PublicOrigin.of(properties.publicUrl());
    }

    /** Before every other filter: request logging, metrics, rate limits and security all see the real client. */
    @Bean
    FilterRegistrationBean<ForwardedHeadersFilter> forwardedHeadersFilter(
            PublicAddressProperties properties, PublicOrigin publicOrigin) {
        var registration = new FilterRegistrationBean<>(
                new ForwardedHeadersFilter(new TrustedProxies(properties.trustedProxies()), publicOrigin));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
