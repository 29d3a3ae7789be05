/**
 * What modules use of security: the access rules they declare ({@link com.echamado.platform.security.EndpointRules}),
 * their additions to the web chain, the current user and security events. A named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("security")
package com.echamado.platform.security;
