-- Ending a user's access (disable, lockout, admin reset, role change, own password change): bearer tokens issued
-- before tokens_valid_after are refused, except those of the grant kept by a user's own password change.
ALTER TABLE app_user ADD COLUMN tokens_valid_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN tokens_kept_grant VARCHAR(100);

-- a user's grants are revoked by principal
CREATE INDEX ix_oauth2_authorization_principal_only ON oauth2_authorization (principal_name);
