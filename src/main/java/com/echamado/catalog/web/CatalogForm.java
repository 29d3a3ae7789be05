package com.echamado.catalog.web;

import com.echamado.catalog.CatalogEntryRequest;
import com.echamado.catalog.CatalogEntryView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A catalog entry as the admin form edits it; colour and flags only matter for statuses. */
record CatalogForm(
        @NotBlank @Size(max = 100) String name,
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

    static CatalogForm empty(UUID parentId) {
        return new CatalogForm("", "", "", parentId, null, 0, false, false, false, false, null, false);
    }

    static CatalogForm of(CatalogEntryView entry) {
        return new CatalogForm(
                entry.name(),
                entry.nameEn(),
                entry.description(),
                entry.parentId(),
                entry.color(),
                entry.displayOrder(),
                entry.initial(),
                entry.resolving(),
                entry.isFinal(),
                entry.awaitsCustomer(),
                entry.replyStatusId(),
                entry.onHold());
    }

    CatalogEntryRequest toRequest(boolean status) {
        return new CatalogEntryRequest(
                name,
                nameEn == null || nameEn.isBlank() ? null : nameEn,
                description == null || description.isBlank() ? null : description,
                parentId,
                status && color != null && !color.isBlank() ? color : null,
                displayOrder,
                status && Boolean.TRUE.equals(initial),
                status && Boolean.TRUE.equals(resolving),
                status && Boolean.TRUE.equals(isFinal),
                status && Boolean.TRUE.equals(awaitsCustomer),
                status ? replyStatusId : null,
                status && Boolean.TRUE.equals(onHold));
    }
}
