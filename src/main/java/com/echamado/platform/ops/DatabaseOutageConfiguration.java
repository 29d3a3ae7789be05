package com.echamado.platform.ops;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL outages fail fast ({@link FailFastDataSource}) and are answered 503 with {@code Retry-After}
 * ({@link DatabaseOutage}, {@code platform/web}'s {@code ServiceUnavailable}); the pool reconnects by itself, so the
 * service recovers without a restart. Liveness never includes the database.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

    /** One request a second may wait for the pool while the database is down, to notice its return. */
    static final long PROBE_INTERVAL_MILLIS = 1000;

    /** How long a request waits for a connection while connecting fails (connecting takes milliseconds). */
    static final long FIRST_WAIT_MILLIS = 1000;

    @Bean
    static BeanPostProcessor failFastDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof FailFastDataSource)) {
                    return new FailFastDataSource(
                            dataSource, PROBE_INTERVAL_MILLIS, FIRST_WAIT_MILLIS, System::nanoTime);
                }
                return bean;
            }
        };
    }
}
