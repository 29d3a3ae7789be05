package com.echamado.dashboard;

import java.time.Duration;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's entries in the Redis cache live {@code echamado.dashboard.cache-ttl}, not the default. */
@Configuration(proxyBeanMethods = false)
class DashboardCacheConfiguration {

    @Bean
    RedisCacheManagerBuilderCustomizer ticketDashboardCache(DashboardProperties properties) {
        Duration ttl = properties.cacheTtl();
        return builder -> {
            if (!ttl.isZero()) {
                builder.withCacheConfiguration(
                        TicketDashboard.CACHE, builder.cacheDefaults().entryTtl(ttl));
            }
        };
    }
}
