/**
 * Cross-cutting infrastructure: security filter chains, observability, rate limiting, messaging, configuration
 * aliases and start-up checks. It depends on no module and knows none of their routes or tables: modules contribute
 * as beans their access rules ({@code EndpointRules}) and web chain additions ({@code HttpSecurityContribution}), the
 * paths their security filters answer ({@code FilterServedPaths}, for metrics), the sign-in form ({@code SignInForm},
 * for the login rate limit) and their {@code --verify-data} checks ({@code DataCheck}). Modules may use this package and the sub-packages that are named interfaces
 * ({@code security}, {@code messaging}, {@code web}, {@code query}, {@code ops}); {@code observability} and
 * {@code ratelimit} are internal. Every module lists {@code "platform", "platform :: *"} in its
 * {@code allowedDependencies}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.echamado.platform;
