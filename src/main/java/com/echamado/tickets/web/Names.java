package com.echamado.tickets.web;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns the ids on tickets into what people read: catalog names and colours, user names. */
@Component
public class Names {

    private final Catalog catalog;
    private final UserManagement users;

    Names(Catalog catalog, UserManagement users) {
        this.catalog = catalog;
        this.users = users;
    }

    /**
     * Every catalog entry, disabled ones too (old tickets still name them), named in the viewer's language (the
     * English name, when there is one, for English readers). A handful of small queries.
     */
    public Entries catalog() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<UUID, CatalogEntryView> all = new HashMap<>();
        for (CatalogKind kind : CatalogKind.values()) {
            catalog.list(kind, true).forEach(entry -> all.put(entry.id(), entry.in(locale)));
        }
        return new Entries(all);
    }

    /** The enabled subcategories of a category, for the narrowing choice on the ticket forms; none without one. */
    public List<CatalogEntryView> subcategoriesOf(UUID categoryId) {
        if (categoryId == null) {
            return List.of();
        }
        return catalog.list(CatalogKind.SUBCATEGORY, false).stream()
                .filter(sub -> categoryId.equals(sub.parentId()))
                .map(sub -> sub.in(LocaleContextHolder.getLocale()))
                .toList();
    }

    /** Enabled agents of the given departments, by name, for assigning and filtering; two statements in all. */
    public Map<UUID, String> agentsOf(Collection<UUID> departments) {
        Map<UUID, String> out = new LinkedHashMap<>();
        users.getAll(catalog.agentsOfAny(departments)).values().stream()
                .filter(user -> user.enabled() && user.hasRole(Role.SUPPORT))
                .sorted(Comparator.comparing(UserView::fullName, String.CASE_INSENSITIVE_ORDER))
                .forEach(user -> out.put(user.id(), user.fullName()));
        return out;
    }

    /** Names of the given users, read in one go; unknown ids (deleted users) are left out, shown as nothing. */
    public Map<UUID, String> people(Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        users.getAll(ids).forEach((id, user) -> out.put(id, user.fullName()));
        return out;
    }

    /** Catalog entries by id, for templates: {@code names.name(id)}, {@code names.color(id)}, lists by kind. */
    public record Entries(Map<UUID, CatalogEntryView> byId) {

        public String name(UUID id) {
            CatalogEntryView entry = id == null ? null : byId.get(id);
            return entry == null ? "" : entry.name();
        }

        public String color(UUID id) {
            CatalogEntryView entry = id == null ? null : byId.get(id);
            return entry == null || entry.color() == null ? "#6b7280" : entry.color();
        }

        public boolean known(UUID id) {
            return id != null && byId.containsKey(id);
        }

        public List<CatalogEntryView> enabled(CatalogKind kind) {
            return byId.values().stream()
                    .filter(e -> e.kind() == kind && e.enabled())
                    .sorted(java.util.Comparator.comparingInt(CatalogEntryView::displayOrder)
                            .thenComparing(CatalogEntryView::name, String.CASE_INSENSITIVE_ORDER))
                    .toList();
        }
    }
}
