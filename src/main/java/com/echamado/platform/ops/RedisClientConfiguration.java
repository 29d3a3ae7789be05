package com.echamado.platform.ops;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While the Redis client knows its connection is down, commands fail at once instead of waiting in a queue for the
 * command timeout: sessions, caches and rate-limit counters then degrade within milliseconds (503 pages, database
 * reads, unlimited API) rather than holding every request for seconds. Reconnection continues in the background.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
