/**
 * Identity: users, roles, passwords and lockout, registered OAuth clients, and the authorization server
 * ({@code authserver/}); {@code web/} holds sign-in, account and user- and client-admin endpoints.
 *
 * <p>Allowed dependencies: the platform only; identity knows no feature module. Its events ({@code UserCreated},
 * {@code UserRolesChanged}) form the named interface {@code identity :: events}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "platform :: *"})
package com.echamado.identity;
