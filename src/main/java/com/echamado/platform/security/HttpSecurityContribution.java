package com.echamado.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** Lets a module add to the web (session) filter chain, e.g. the identity module's login form and logout. */
@FunctionalInterface
public interface HttpSecurityContribution {

    void contribute(HttpSecurity web);
}
