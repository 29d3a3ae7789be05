package com.echamado.tickets.web;

import com.echamado.tickets.Actor;
import com.echamado.tickets.Idempotency;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Answers a creating POST once per {@code Idempotency-Key}: retries get the first response, marked as replayed. */
@Component
public class IdempotentResponses {

    private final Idempotency idempotency;
    private final JsonMapper json;

    IdempotentResponses(Idempotency idempotency, JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    public ResponseEntity<String> replayable(
            String key, Actor actor, Object request, Supplier<Idempotency.StoredResponse> action) {
        Idempotency.StoredResponse response;
        boolean replayed = false;
        if (key == null) {
            response = action.get();
        } else {
            Idempotency.Outcome outcome =
                    idempotency.execute(actor.id(), key, json.writeValueAsString(request), action);
            response = outcome.response();
            replayed = outcome.replayed();
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON)
                .location(URI.create(response.location()));
        long version = json.readTree(response.body()).path("version").asLong(-1);
        if (version >= 0) {
            builder.eTag(TicketsApi.etag(version));
        }
        if (replayed) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(response.body());
    }
}
