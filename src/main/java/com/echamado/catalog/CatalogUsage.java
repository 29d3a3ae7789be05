package com.echamado.catalog;

import java.util.UUID;

/**
 * Implemented by modules whose records point at catalog entries (tickets), so that an entry in use is never
 * deleted.
 */
public interface CatalogUsage {

    /** How many records use the entry. */
    long countUsing(UUID entryId);
}
