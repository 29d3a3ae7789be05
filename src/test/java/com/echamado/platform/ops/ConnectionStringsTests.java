package com.echamado.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionStringsTests {

    @Test
    void readsTheGuidesKeyValueForm() {
        var props = ConnectionStrings.database("Host=db;Port=5433;Database=echamado;Username=app;Password=s3cret");
        assertThat(props)
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db:5433/echamado")
                .containsEntry("spring.datasource.username", "app")
                .containsEntry("spring.datasource.password", "s3cret");
    }

    @Test
    void defaultsThePortAndKeepsSslMode() {
        var props = ConnectionStrings.database("Host=db;Database=x;Username=u;Password=p;SSL Mode=Require");
        assertThat(props).containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/x?sslmode=require");
    }

    @Test
    void readsAPostgresUriWithEncodedCredentials() {
        var props = ConnectionStrings.database("postgres://app:p%40ss@db.internal/echamado?sslmode=verify-full");
        assertThat(props)
                .containsEntry(
                        "spring.datasource.url", "jdbc:postgresql://db.internal:5432/echamado?sslmode=verify-full")
                .containsEntry("spring.datasource.username", "app")
                .containsEntry("spring.datasource.password", "p@ss");
    }

    @Test
    void passesAJdbcUrlThrough() {
        assertThat(ConnectionStrings.database("jdbc:postgresql://h/db"))
                .containsOnlyKeys("spring.datasource.url")
                .containsEntry("spring.datasource.url", "jdbc:postgresql://h/db");
    }

    @Test
    void readsRedisInBothForms() {
        assertThat(ConnectionStrings.redis("redis://:pw@cache:6380/0"))
                .containsEntry("spring.data.redis.url", "redis://:pw@cache:6380/0");
        assertThat(ConnectionStrings.redis("cache:6380,password=pw,ssl=True,abortConnect=False"))
                .containsEntry("spring.data.redis.host", "cache")
                .containsEntry("spring.data.redis.port", "6380")
                .containsEntry("spring.data.redis.password", "pw")
                .containsEntry("spring.data.redis.ssl.enabled", "true");
    }

    @Test
    void readsAnAmqpUri() {
        assertThat(ConnectionStrings.rabbit("amqp://app:pw@mq:5672/echamado"))
                .containsEntry("spring.rabbitmq.addresses", "amqp://app:pw@mq:5672/echamado");
    }
}
