package com.echamado.platform.ratelimit;

import com.echamado.platform.security.SecurityEvents;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Redis when the profile has it (counters shared by every replica), process memory otherwise. */
    @Bean
    AttemptCounters attemptCounters(
            ObjectProvider<StringRedisTemplate> redis, RateLimitProperties limits, Clock clock) {
        StringRedisTemplate template = redis.getIfAvailable();
        return template != null
                ? new RedisAttemptCounters(template, limits.namespace())
                : new LocalAttemptCounters(clock);
    }

    /** Runs before Spring Security's chain (order -100), so that limited attempts never reach authentication. */
    @Bean
    FilterRegistrationBean<LoginRateLimit> loginRateLimit(
            AttemptCounters counters, RateLimitProperties limits, SecurityEvents events) {
        var registration = new FilterRegistrationBean<>(new LoginRateLimit(counters, limits, events));
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
