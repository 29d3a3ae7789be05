package com.echamado.identity;

/** What a user may do: ADMIN runs the help desk, SUPPORT agents work tickets, USER requesters open them. */
public enum Role {
    ADMIN,
    SUPPORT,
    USER;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
