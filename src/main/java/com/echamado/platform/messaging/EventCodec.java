package com.echamado.platform.messaging;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire format (docs/events.md): {@code {"id", "type", "schemaVersion", "occurredAt", "data"}}, where {@code
 * data} holds the event's other fields. RabbitMQ messages and webhook deliveries carry the same JSON.
 */
public class EventCodec {

    private final JsonMapper json;
    private final EventTypes types;

    EventCodec(JsonMapper json, EventTypes types) {
        this.json = json;
        this.types = types;
    }

    public String type(DomainEvent event) {
        return types.nameOf(event);
    }

    /** The event as JSON text, as it is published and as webhooks receive it. */
    public String json(DomainEvent event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    byte[] encode(DomainEvent event) {
        ObjectNode data = json.valueToTree(event);
        data.remove("eventId");
        data.remove("occurredAt");
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", event.eventId().toString());
        envelope.put("type", types.nameOf(event));
        envelope.put("schemaVersion", event.schemaVersion());
        envelope.put("occurredAt", event.occurredAt().toString());
        envelope.set("data", data);
        return json.writeValueAsBytes(envelope);
    }
}
