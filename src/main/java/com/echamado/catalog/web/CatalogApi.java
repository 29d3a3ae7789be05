package com.echamado.catalog.web;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryRequest;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Catalog CRUD: {@code /api/v1/catalog/{kind}} with kind = departments, categories, subcategories, ticket-types or
 * statuses. Every signed-in user reads; ADMIN writes.
 */
@RestController
@RequestMapping("/api/v1/catalog/{kind}")
class CatalogApi {

    private final Catalog catalog;

    CatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<CatalogEntryView> list(
            @PathVariable String kind, @RequestParam(defaultValue = "false") boolean includeDisabled) {
        return catalog.list(kind(kind), includeDisabled);
    }

    @GetMapping("/{id}")
    CatalogEntryView get(@PathVariable String kind, @PathVariable UUID id) {
        return catalog.get(kind(kind), id);
    }

    @PostMapping
    ResponseEntity<CatalogEntryView> create(@PathVariable String kind, @Valid @RequestBody EntryRequest request) {
        CatalogEntryView created = catalog.create(kind(kind), request.toRequest());
        return ResponseEntity.created(URI.create("/api/v1/catalog/" + kind + "/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    CatalogEntryView update(
            @PathVariable String kind, @PathVariable UUID id, @Valid @RequestBody EntryRequest request) {
        return catalog.update(kind(kind), id, request.toRequest());
    }

    @PostMapping("/{id}/disable")
    CatalogEntryView disable(@PathVariable String kind, @PathVariable UUID id) {
        return catalog.disable(kind(kind), id);
    }

    @PostMapping("/{id}/enable")
    CatalogEntryView enable(@PathVariable String kind, @PathVariable UUID id) {
        return catalog.enable(kind(kind), id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String kind, @PathVariable UUID id) {
        catalog.delete(kind(kind), id);
        return ResponseEntity.noContent().build();
    }

    private static CatalogKind kind(String path) {
        return CatalogKind.fromPath(path)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown catalog kind"));
    }

    record EntryRequest(
            @NotBlank @Size(min = 2, max = 100) String name,
            @Size(max = 100) String nameEn,
            @Size(max = 500) String description,
            UUID parentId,
            @Pattern(regexp = "#[0-9a-fA-F]{6}") String color,
            @Min(0) @Max(10_000) Integer displayOrder,
            Boolean initial,
            Boolean resolving,
            Boolean isFinal,
            Boolean awaitsCustomer,
            UUID replyStatusId,
            Boolean onHold) {

        CatalogEntryRequest toRequest() {
            return new CatalogEntryRequest(
                    name,
                    nameEn,
                    description,
                    parentId,
                    color,
                    displayOrder,
                    Boolean.TRUE.equals(initial),
                    Boolean.TRUE.equals(resolving),
                    Boolean.TRUE.equals(isFinal),
                    Boolean.TRUE.equals(awaitsCustomer),
                    replyStatusId,
                    Boolean.TRUE.equals(onHold));
        }
    }
}
