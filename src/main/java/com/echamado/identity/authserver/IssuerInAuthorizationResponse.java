package com.echamado.identity.authserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Authorization responses (success and error) that carry {@code iss}, so that a client talking to several issuers
 * can detect a mix-up attack (RFC 9207). Otherwise identical to Spring's default handlers.
 */
final class IssuerInAuthorizationResponse implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        var result = (OAuth2AuthorizationCodeRequestAuthenticationToken) auth;
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
                .queryParam(
                        OAuth2ParameterNames.CODE, result.getAuthorizationCode().getTokenValue());
        finish(request, response, uri, result.getState());
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        var failure = (OAuth2AuthorizationCodeRequestAuthenticationException) exception;
        OAuth2Error error = failure.getError();
        var requested = failure.getAuthorizationCodeRequestAuthentication();
        if (requested == null || !StringUtils.hasText(requested.getRedirectUri())) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), error.getErrorCode());
            return;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(requested.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
        }
        finish(request, response, uri, requested.getState());
    }

    private static void finish(
            HttpServletRequest request, HttpServletResponse response, UriComponentsBuilder uri, String state)
            throws IOException {
        if (StringUtils.hasText(state)) {
            uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
        }
        uri.queryParam(
                "iss", encode(AuthorizationServerContextHolder.getContext().getIssuer()));
        response.sendRedirect(uri.build(true).toUriString());
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
