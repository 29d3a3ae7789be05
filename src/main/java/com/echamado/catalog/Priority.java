package com.echamado.catalog;

/** How urgent a ticket is. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
