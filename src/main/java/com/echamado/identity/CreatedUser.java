package com.echamado.identity;

/** A new user and, when one was generated, the one-time password to hand over (shown once, never stored). */
public record CreatedUser(UserView user, String oneTimePassword) {}
