package com.echamado.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire format (docs/events.md): {@code {"id", "type", "schemaVersion", "occurredAt", "data"}}, where {@code
 * data} holds the event's other fields. Reading ignores unknown fields, so producers may add fields without
 * breaking consumers.
 */
class EventCodec {

    private final JsonMapper json;
    private final EventTypes types;

    EventCodec(JsonMapper json, EventTypes types) {
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.types = types;
    }

    String type(DomainEvent event) {
        return types.nameOf(event);
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

    /** Reads a message; throws {@link IllegalArgumentException} when it is not an event this service knows. */
    EventMessage decode(byte[] body) {
        try {
            String text = new String(body, StandardCharsets.UTF_8);
            ObjectNode envelope = (ObjectNode) json.readTree(text);
            String type = envelope.get("type").asString();
            ObjectNode data = ((ObjectNode) envelope.get("data")).deepCopy();
            data.set("eventId", envelope.get("id"));
            data.set("occurredAt", envelope.get("occurredAt"));
            DomainEvent event = json.treeToValue(data, types.classOf(type));
            return new EventMessage(
                    UUID.fromString(envelope.get("id").asString()),
                    type,
                    envelope.get("schemaVersion").asInt(),
                    Instant.parse(envelope.get("occurredAt").asString()),
                    event,
                    text);
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("Not a readable event: " + unreadable.getMessage(), unreadable);
        }
    }
}
