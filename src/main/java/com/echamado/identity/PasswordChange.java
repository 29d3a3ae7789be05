package com.echamado.identity;

/**
 * A user who must change the password (generated first administrator, admin reset) signs in with only this
 * authority: every page but the password change, logout and static files answers with a redirect to the change.
 */
public final class PasswordChange {

    public static final String REQUIRED_AUTHORITY = "PASSWORD_CHANGE_REQUIRED";
    public static final String PAGE = "/account/password";

    private PasswordChange() {}
}
