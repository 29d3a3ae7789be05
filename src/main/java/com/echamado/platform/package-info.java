/**
 * Cross-cutting infrastructure: security filter chains, observability, rate limiting, messaging, configuration
 * aliases and start-up checks. It depends on no module and knows none of their routes or tables: modules contribute
 * their access rules ({@code EndpointRules}, {@code HttpSecurityContribution}) and their {@code --verify-data} checks
 * ({@code DataCheck}) as beans. Modules may use this package and the sub-packages that are named interfaces
 * ({@code security}, {@code messaging}, {@code web}, {@code query}, {@code ops}); {@code observability} and
 * {@code ratelimit} are internal. Every module lists {@code "platform", "platform :: *"} in its
 * {@code allowedDependencies}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.echamado.platform;
