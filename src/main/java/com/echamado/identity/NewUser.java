package com.echamado.identity;

import java.util.Set;

/** A user an administrator creates; without a password, a one-time password is generated. */
public record NewUser(String email, String fullName, String password, Set<Role> roles, String language) {}
