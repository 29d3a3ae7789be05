package com.echamado.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of catalog entries, with the path segment that names them in the API. */
public enum CatalogKind {
    DEPARTMENT("departments"),
    CATEGORY("categories"),
    SUBCATEGORY("subcategories"),
    TICKET_TYPE("ticket-types"),
    STATUS("statuses");

    private final String path;

    CatalogKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<CatalogKind> fromPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
