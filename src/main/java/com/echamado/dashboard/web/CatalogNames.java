package com.echamado.dashboard.web;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Every catalog entry by id, disabled ones too (old tickets still name them), in the viewer's language: what the
 * dashboard's template shows for the ids on its figures ({@code names.name(id)}, {@code names.color(id)}).
 */
record CatalogNames(Map<UUID, CatalogEntryView> byId) {

    private static final String NO_COLOR = "#6b7280";

    static CatalogNames of(Catalog catalog, Locale locale) {
        Map<UUID, CatalogEntryView> all = new HashMap<>();
        for (CatalogKind kind : CatalogKind.values()) {
            catalog.list(kind, true).forEach(entry -> all.put(entry.id(), entry.in(locale)));
        }
        return new CatalogNames(all);
    }

    public String name(UUID id) {
        CatalogEntryView entry = id == null ? null : byId.get(id);
        return entry == null ? "" : entry.name();
    }

    public String color(UUID id) {
        CatalogEntryView entry = id == null ? null : byId.get(id);
        return entry == null || entry.color() == null ? NO_COLOR : entry.color();
    }
}
