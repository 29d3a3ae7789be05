/**
 * The catalog: departments, categories with subcategories, ticket types and statuses, and which agents work in
 * which department. ADMIN writes, every signed-in user reads. Other modules refer to entries by id.
 *
 * <p>Allowed dependencies: the platform, and {@code identity} for one declared call. Department membership stores
 * user ids only; the membership API ({@code web/DepartmentAgentsApi}) asks identity's facade whether a user is an
 * agent (SUPPORT) before adding them and shows the members as identity's {@code UserView}. Kept and declared rather
 * than replaced by an event: the role must be checked at the moment of the request, and identity never depends on
 * the catalog, so the graph stays acyclic. Catalog events form the named interface {@code catalog :: events}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform", "platform :: *"})
package com.echamado.catalog;
