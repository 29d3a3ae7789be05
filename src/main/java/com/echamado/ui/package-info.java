/**
 * The web shell: layout, language and time zone, error pages, static files, and what every page's layout gets (the
 * viewer, the theme, the request id). Each module's pages live in that module's {@code web/}; the start page is the
 * dashboard's.
 *
 * <p>Allowed dependencies: the facades of {@code tickets}, {@code catalog} and {@code identity}, the tickets module's
 * {@code web} interface (the viewer with their rights on tickets, the names on a ticket), and the platform.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"tickets", "tickets :: web", "catalog", "identity", "platform", "platform :: *"})
package com.echamado.ui;
