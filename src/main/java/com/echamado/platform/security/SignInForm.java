package com.echamado.platform.security;

/**
 * Where the module that signs users in takes the sign-in form ({@code POST path}) and which parameter names the
 * account. Published as a bean by that module; the login rate limit counts attempts there, per client and per
 * account, before authentication runs.
 */
public record SignInForm(String path, String usernameParameter) {}
