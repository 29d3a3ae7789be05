package com.echamado.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This run's names on the shared RabbitMQ: its own exchange and queue prefix, so runs never see each other's
 * events. The queues and exchanges are deleted when the JVM exits.
 */
public final class TestBroker {

    public static final String PREFIX = "echamado-test-" + TestDatabase.RUN_ID;
    public static final String EXCHANGE = PREFIX + ".events";
    /** The subscriber the test profile declares ({@code echamado.messaging.subscribers}), bound to every event. */
    public static final String SUBSCRIBER = "integrations";

    private static final Set<String> QUEUES = ConcurrentHashMap.newKeySet();

    static {
        QUEUES.addAll(List.of(PREFIX + "." + SUBSCRIBER, PREFIX + "." + SUBSCRIBER + ".dlq"));
        Runtime.getRuntime().addShutdownHook(new Thread(TestBroker::cleanUp));
    }

    private TestBroker() {}

    /** Remembers a queue a test declared, for deletion at exit. */
    public static String queue(String suffix) {
        String name = PREFIX + ".test." + suffix;
        QUEUES.add(name);
        return name;
    }

    private static void cleanUp() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(Services.HOST);
        factory.setPort(Services.RABBITMQ);
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            for (String queue : QUEUES) {
                channel.queueDelete(queue);
            }
            channel.exchangeDelete(EXCHANGE);
            channel.exchangeDelete(EXCHANGE + ".dlx");
        } catch (Exception ignored) {
            // best effort at exit
        }
    }
}
