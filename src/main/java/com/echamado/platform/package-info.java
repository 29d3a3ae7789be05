/**
 * Cross-cutting infrastructure: security filter chains and endpoint access rules, observability, rate limiting,
 * configuration aliases and start-up checks. Imports no module internals; every module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.echamado.platform;
