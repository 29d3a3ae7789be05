package com.echamado.platform.web;

import java.util.List;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every error a client can cause is a 4xx problem, wherever it is detected: by the container ({@link
 * ProblemErrorValve}), by Spring Security's firewall ({@link RejectedRequests}), before any filter reads the request
 * ({@link MalformedRequests}), in a controller ({@link ApiProblems}) or anywhere else that ends on {@code /error}
 * ({@link ProblemErrorController}).
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** After the request id and the request metrics (so that refusals are logged with an id and counted). */
    @Bean
    FilterRegistrationBean<MalformedRequests> malformedRequests() {
        var registration = new FilterRegistrationBean<>(new MalformedRequests());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    RequestRejectedHandler rejectedRequests() {
        return new RejectedRequests();
    }

    @Bean
    ProblemErrorController errorController(
            ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(
                attributes, web.getError(), resolvers.orderedStream().toList());
    }

    /** Replaces the error report valve that Boot puts on the host (runs after Boot's customizer). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Host host = (Host) context.getParent();
                    for (Valve valve : List.of(host.getPipeline().getValves())) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(ProblemErrorValve.class.getName());
                    }
                    host.getPipeline().addValve(new ProblemErrorValve());
                });
            }
        };
    }
}
