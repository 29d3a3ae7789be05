package com.echamado.identity.authserver;

import com.echamado.EChamadoApplication;
import com.echamado.support.TestBroker;
import com.echamado.support.TestDatabase;
import com.echamado.support.TestHttp;
import com.echamado.support.TestKeys;
import com.echamado.support.TestMail;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the service beside the test's own, as behind a load balancer: the same database, signing key,
 * Redis namespaces, broker names and issuer, on its own port.
 */
final class SecondReplica implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondReplica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it; {@code extraArguments} are further {@code --name=value} settings. */
    static SecondReplica start(String issuer, String... extraArguments) {
        String namespace = "echamado-test-" + TestDatabase.RUN_ID;
        // command-line arguments: they win over the profile's files, as the test context's properties do
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestDatabase.url(),
                "--echamado.identity.signing-keys=" + TestKeys.RSA,
                "--echamado.identity.issuer=" + issuer,
                "--echamado.ratelimit.namespace=" + namespace,
                "--spring.session.redis.namespace=" + namespace + ":session",
                "--echamado.messaging.exchange=" + TestBroker.EXCHANGE,
                "--echamado.messaging.queue-prefix=" + TestBroker.PREFIX,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMail.port(),
                "--server.port=0"));
        arguments.addAll(List.of(extraArguments));
        return new SecondReplica(new SpringApplicationBuilder(EChamadoApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new)));
    }

    String baseUrl() {
        return "http://localhost" + ":" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A new browser-like client of this replica. */
    TestHttp http() {
        return new TestHttp(baseUrl());
    }

    @Override
    public void close() {
        context.close();
    }
}
