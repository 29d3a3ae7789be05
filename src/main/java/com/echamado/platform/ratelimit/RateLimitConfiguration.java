package com.echamado.platform.ratelimit;

import com.echamado.platform.security.SecurityEvents;
import com.echamado.platform.security.SignInForm;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** No module signs users in with a form: a path no request has, so the limit never applies. */
    private static final SignInForm NO_FORM = new SignInForm("", "username");

    /** Redis when the profile has it (counters shared by every replica), process memory otherwise. */
    @Bean
    AttemptCounters attemptCounters(
            ObjectProvider<StringRedisTemplate> redis, RateLimitProperties limits, Clock clock) {
        StringRedisTemplate template = redis.getIfAvailable();
        return template != null
                ? new RedisAttemptCounters(template, limits.namespace())
                : new LocalAttemptCounters(clock);
    }

    /**
     * Runs before Spring Security's chain (order -100), so that limited attempts never reach authentication; on the
     * sign-in form that a module publishes (the identity module), off when none does.
     */
    @Bean
    FilterRegistrationBean<LoginRateLimit> loginRateLimit(
            AttemptCounters counters,
            RateLimitProperties limits,
            SecurityEvents events,
            ObjectProvider<SignInForm> form) {
        SignInForm signIn = form.getIfUnique();
        var registration = new FilterRegistrationBean<>(
                new LoginRateLimit(counters, limits, events, signIn == null ? NO_FORM : signIn));
        registration.setOrder(-110);
        return registration;
    }

    /** Runs after Spring Security's chain, so that the token's subject is known. */
    @Bean
    FilterRegistrationBean<ApiRateLimit> apiRateLimit(
            AttemptCounters counters, RateLimitProperties limits, SecurityEvents events) {
        var registration = new FilterRegistrationBean<>(new ApiRateLimit(counters, limits, events));
        registration.setOrder(1);
        return registration;
    }
}
