-- Spring Security's authorization-server schema (registered clients and consents), with time zones, so that every
-- replica shares them.
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)  NOT NULL,
    client_id_issued_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                 VARCHAR(200)  DEFAULT NULL,
    client_secret_expires_at      TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    client_name                   VARCHAR(200)  NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(1000) DEFAULT NULL,
    post_logout_redirect_uris     VARCHAR(1000) DEFAULT NULL,
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL,
    CONSTRAINT uk_oauth2_registered_client_client_id UNIQUE (client_id)
);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- Refresh tokens that were rotated away. Presenting one again is reuse: the whole grant is revoked (RFC 9700 4.14).
CREATE TABLE oauth2_rotated_refresh_token (
    token_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    authorization_id VARCHAR(100) NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_oauth2_rotated_refresh_token_expiry ON oauth2_rotated_refresh_token (expires_at);
