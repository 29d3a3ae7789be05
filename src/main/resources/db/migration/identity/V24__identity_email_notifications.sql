-- Users may switch e-mail notifications off (PUT /api/v1/me/notifications).
ALTER TABLE app_user ADD COLUMN email_notifications BOOLEAN DEFAULT TRUE NOT NULL;
