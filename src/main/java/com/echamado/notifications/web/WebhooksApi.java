package com.echamado.notifications.web;

import com.echamado.notifications.NewWebhook;
import com.echamado.notifications.WebhookDeliveryView;
import com.echamado.notifications.WebhookView;
import com.echamado.notifications.Webhooks;
import com.echamado.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators register webhooks and read their deliveries' outcomes. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhooksApi {

    private final Webhooks webhooks;

    WebhooksApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    List<WebhookView> list() {
        return webhooks.list();
    }

    @PostMapping
    ResponseEntity<WebhookView> register(@Valid @RequestBody WebhookRequest request, Authentication auth) {
        WebhookView created = webhooks.register(
                new NewWebhook(request.url(), request.secret(), request.eventTypes()),
                CurrentUser.id(auth).orElse(null));
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable UUID id) {
        return webhooks.get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/enable")
    WebhookView enable(@PathVariable UUID id) {
        return webhooks.enable(id);
    }

    @GetMapping("/{id}/deliveries")
    List<WebhookDeliveryView> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        return webhooks.deliveries(id, limit);
    }

    record WebhookRequest(
            @NotBlank @Size(max = 2000) String url,
            @NotBlank @Size(min = 16, max = 200) String secret,
            @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes) {}
}
