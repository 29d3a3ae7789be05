CREATE TABLE app_user (
    id                   UUID PRIMARY KEY,
    email                VARCHAR(320) NOT NULL,
    email_normalized     VARCHAR(320) NOT NULL,
    full_name            VARCHAR(200) NOT NULL,
    password_hash        VARCHAR(500) NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    failed_logins        INTEGER      NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    language             VARCHAR(10),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at        TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    CONSTRAINT uk_app_user_email UNIQUE (email_normalized)
);

CREATE TABLE app_user_role (
    user_id UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE INDEX ix_app_user_role_role ON app_user_role (role);
