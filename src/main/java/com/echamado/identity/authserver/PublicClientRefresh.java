package com.echamado.identity.authserver;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets a public client (no secret) use the refresh_token grant and revoke its own tokens at {@code /oauth2/revoke}
 * (RFC 7009 2.1) by naming its client_id. Spring's public-client authentication only knows the PKCE code exchange.
 * The token itself is the credential: a refresh token is rotated on every use and its reuse revokes the grant
 * ({@link RefreshTokenReuseDetection}); Spring revokes only a token issued to the client named.
 */
final class PublicClientRefresh {

    /** Spring's default revocation endpoint, left unchanged in {@code AuthorizationServerSettings}. */
    private static final String REVOCATION_ENDPOINT = "/oauth2/revoke";

    private PublicClientRefresh() {}

    static final class Converter implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            if (!"POST".equals(request.getMethod())
                    || !(refresh(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)) || revocation(request))
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
                return null;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (clientIds == null || clientIds.length != 1 || clientIds[0].isBlank()) {
                return null;
            }
            Map<String, Object> additional = new HashMap<>();
            request.getParameterMap().forEach((key, values) -> {
                if (!key.equals(OAuth2ParameterNames.CLIENT_ID)) {
                    additional.put(key, values.length == 1 ? values[0] : values);
                }
            });
            return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null, additional);
        }
    }

    private static boolean refresh(Object grantType) {
        return AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grantType);
    }

    private static boolean revocation(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + REVOCATION_ENDPOINT)
                && request.getParameter(OAuth2ParameterNames.GRANT_TYPE) == null
                && request.getParameter(OAuth2ParameterNames.TOKEN) != null;
    }

    static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            var token = (OAuth2ClientAuthenticationToken) authentication;
            Map<String, Object> parameters = token.getAdditionalParameters();
            boolean refresh = refresh(parameters.get(OAuth2ParameterNames.GRANT_TYPE));
            boolean revocation = !parameters.containsKey(OAuth2ParameterNames.GRANT_TYPE)
                    && parameters.containsKey(OAuth2ParameterNames.TOKEN);
            if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                    || !(refresh || revocation)) {
                return null;
            }
            RegisteredClient client = clients.findByClientId(String.valueOf(token.getPrincipal()));
            if (client == null
                    || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                    || (refresh
                            && !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN))) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
