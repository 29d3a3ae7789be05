package com.echamado.platform.security;

/** Who may call an endpoint. There is no default: an endpoint without a rule is denied to everyone. */
public enum Access {
    /** Anyone, signed in or not (probes, metrics, login page, static files). */
    PUBLIC,
    /** Any signed-in user or token. */
    AUTHENTICATED,
    /** Agents and administrators. */
    AGENT,
    /** Administrators only. */
    ADMIN
}
