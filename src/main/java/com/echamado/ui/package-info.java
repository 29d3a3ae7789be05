/**
 * The web shell: layout, language switch, error pages and static files. Calls module facades only. The start page
 * is the dashboard's ({@code dashboard/web}).
 *
 * <p>Allowed dependencies: the facades of {@code tickets}, {@code comments}, {@code catalog} and {@code identity},
 * and the platform.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"tickets", "comments", "catalog", "identity", "platform", "platform :: *"})
package com.echamado.ui;
