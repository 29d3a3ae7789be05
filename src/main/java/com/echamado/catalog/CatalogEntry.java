package com.echamado.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Entity
@Table(name = "catalog_entry")
class CatalogEntry {

    static final String DEFAULT_COLOR = "#4b5563";

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private CatalogKind kind;

    private UUID parentId;
    private String name;
    private String nameEn;
    private String nameNormalized;
    private String description;
    private boolean enabled;
    private String color;
    private int displayOrder;

    @Column(name = "is_initial")
    private boolean initial;

    @Column(name = "is_resolving")
    private boolean resolving;

    @Column(name = "is_final")
    private boolean isFinal;

    private boolean awaitsCustomer;
    private UUID replyStatusId;
    private boolean onHold;

    private Instant createdAt;

    @Version
    private long version;

    protected CatalogEntry() {}

    CatalogEntry(CatalogKind kind, UUID parentId, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.parentId = parentId;
        this.enabled = true;
        this.createdAt = now;
    }

    static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    void apply(CatalogEntryRequest request) {
        this.name = request.name().trim();
        this.nameEn = request.nameEn() == null || request.nameEn().isBlank()
                ? null
                : request.nameEn().trim();
        this.nameNormalized = normalize(request.name());
        this.description =
                request.description() == null || request.description().isBlank()
                        ? null
                        : request.description().trim();
        if (request.displayOrder() != null) {
            this.displayOrder = request.displayOrder();
        }
        if (kind == CatalogKind.STATUS) {
            this.color = request.color() == null ? (color == null ? DEFAULT_COLOR : color) : request.color();
            this.initial = request.initial();
            this.resolving = request.resolving();
            this.isFinal = request.isFinal();
            this.awaitsCustomer = request.awaitsCustomer();
            this.replyStatusId = request.awaitsCustomer() ? request.replyStatusId() : null;
            this.onHold = request.onHold();
        }
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
    }

    CatalogEntryView toView() {
        return new CatalogEntryView(
                id,
                kind,
                parentId,
                name,
                nameEn,
                description,
                enabled,
                color,
                displayOrder,
                initial,
                resolving,
                isFinal,
                version,
                awaitsCustomer,
                replyStatusId,
                onHold);
    }

    UUID id() {
        return id;
    }

    CatalogKind kind() {
        return kind;
    }

    UUID parentId() {
        return parentId;
    }

    String nameNormalized() {
        return nameNormalized;
    }

    boolean enabled() {
        return enabled;
    }

    boolean initial() {
        return initial;
    }

    boolean resolving() {
        return resolving;
    }

    boolean isFinal() {
        return isFinal;
    }
}
