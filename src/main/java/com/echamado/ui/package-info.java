/**
 * The web shell: layout, home page, language switch, error pages and static files. Calls module facades only.
 *
 * <p>Allowed dependencies: the facades of {@code tickets}, {@code catalog} and {@code identity}, and the platform.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"tickets", "comments", "catalog", "identity", "platform", "platform :: *"})
package com.echamado.ui;
