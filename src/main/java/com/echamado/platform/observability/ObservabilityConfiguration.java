package com.echamado.platform.observability;

import static com.echamado.platform.security.EndpointRule.get;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import com.echamado.platform.security.FilterServedPaths;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    FilterRegistrationBean<RequestLogContext> requestLogContext() {
        var registration = new FilterRegistrationBean<>(new RequestLogContext());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<HttpMetricsFilter> httpMetricsFilter(
            MeterRegistry registry, ObjectProvider<FilterServedPaths> filterServedPaths) {
        var filterRoutes =
                FilterServedPaths.union(filterServedPaths.orderedStream().toList());
        var registration = new FilterRegistrationBean<>(new HttpMetricsFilter(registry, filterRoutes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** HELP text on every family, no names that promtool rejects, no duplicate request metrics. */
    @Bean
    MeterFilter prometheusConventions() {
        return new PrometheusConventions();
    }

    @Bean
    FilterRegistrationBean<UserIdLogging> userIdLogging() {
        var registration = new FilterRegistrationBean<>(new UserIdLogging());
        registration.setOrder(0); // after Spring Security's chain (-100)
        return registration;
    }

    /** Probes and metrics are open on the port: they carry no data beyond health and metrics. */
    @Bean
    EndpointRules operationsEndpointRules() {
        return EndpointRules.of(
                "platform",
                get("/health", Access.PUBLIC),
                get("/health/**", Access.PUBLIC),
                get("/metrics", Access.PUBLIC));
    }
}
