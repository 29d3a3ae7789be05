package com.echamado.tickets;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import com.echamado.identity.IdentityException;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What opening and editing a ticket check against the catalog, the users and the clock before changing anything. */
@Component
class TicketChecks {

    private final Catalog catalog;
    private final UserManagement users;
    private final TicketStore store;

    TicketChecks(Catalog catalog, UserManagement users, TicketStore store) {
        this.catalog = catalog;
        this.users = users;
        this.store = store;
    }

    /** The given entries exist and are enabled, and the subcategory belongs to the category. */
    void checkReferences(UUID typeId, UUID categoryId, UUID subcategoryId, UUID departmentId) {
        if (typeId != null) {
            catalog.requireActive(CatalogKind.TICKET_TYPE, typeId, "typeId");
        }
        if (categoryId != null) {
            catalog.requireActive(CatalogKind.CATEGORY, categoryId, "categoryId");
        }
        if (subcategoryId != null) {
            CatalogEntryView sub = catalog.requireActive(CatalogKind.SUBCATEGORY, subcategoryId, "subcategoryId");
            if (categoryId != null && !sub.parentId().equals(categoryId)) {
                throw TicketException.invalid("subcategoryId", "The subcategory belongs to another category");
            }
        }
        if (departmentId != null) {
            catalog.requireActive(CatalogKind.DEPARTMENT, departmentId, "departmentId");
        }
    }

    UserView enabledUser(UUID id, String field) {
        try {
            UserView user = users.get(id);
            if (!user.enabled()) {
                throw TicketException.invalid(field, "The user is disabled");
            }
            return user;
        } catch (IdentityException unknown) {
            throw TicketException.invalid(field, "Unknown user");
        }
    }

    /** A new due date lies in the future, when opening as when editing; an unchanged one may have passed. */
    void checkDueAt(Instant dueAt, Instant current) {
        if (dueAt != null && !dueAt.equals(current) && dueAt.isBefore(store.now())) {
            throw TicketException.invalid("dueAt", "The due date must lie in the future");
        }
    }
}
