package com.echamado.platform.ops;

import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caches: Redis in {@code prod} (shared by every replica, so an eviction reaches them all; entries expire after
 * {@code spring.cache.redis.time-to-live}), process memory in {@code local}. A cache that cannot be reached is
 * logged and skipped: the value comes from the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration implements CachingConfigurer {

    @Override
    public CacheErrorHandler errorHandler() {
        return new LoggingCacheErrorHandler();
    }

    @Bean
    RedisCacheManagerBuilderCustomizer echamadoRedisCaches() {
        return builder -> builder.enableStatistics();
    }
}
