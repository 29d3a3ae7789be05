package com.echamado.identity;

import com.echamado.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A rule of the identity module was broken; {@link #field()} names the input at fault, if any. Its message is a key
 * of the bundles ({@code identity.…}), so pages and the API say it in the reader's language.
 */
public class IdentityException extends ProblemException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Kind kind;

    IdentityException(Kind kind, String code, String field, String message, String messageCode, Object... arguments) {
        super(status(kind), code, field, message, messageCode, arguments);
        this.kind = kind;
    }

    public static IdentityException userNotFound(Object id) {
        return new IdentityException(
                Kind.NOT_FOUND, "user-not-found", null, "No user " + id, "identity.user-not-found");
    }

    public static IdentityException emailTaken(String email) {
        return new IdentityException(
                Kind.CONFLICT, "email-taken", "email", "The e-mail is already registered", "identity.email-taken");
    }

    /** {@code messageCode} names the rule broken, e.g. {@code identity.weak-password.too-short}. */
    public static IdentityException weakPassword(
            String field, String messageCode, String message, Object... arguments) {
        return new IdentityException(Kind.INVALID, "weak-password", field, message, messageCode, arguments);
    }

    public static IdentityException wrongCurrentPassword() {
        return new IdentityException(
                Kind.INVALID,
                "wrong-password",
                "currentPassword",
                "The current password is not correct",
                "identity.wrong-password");
    }

    public static IdentityException lastAdministrator() {
        return new IdentityException(
                Kind.CONFLICT,
                "last-administrator",
                "roles",
                "The last enabled administrator cannot lose that role",
                "identity.last-administrator");
    }

    public static IdentityException registrationClosed() {
        return new IdentityException(
                Kind.NOT_FOUND,
                "registration-closed",
                null,
                "Self-registration is off",
                "identity.registration-closed");
    }

    public static IdentityException clientNotFound(String clientId) {
        return new IdentityException(
                Kind.NOT_FOUND, "client-not-found", null, "No client " + clientId, "identity.client-not-found");
    }

    public static IdentityException clientIdTaken(String clientId) {
        return new IdentityException(
                Kind.CONFLICT,
                "client-id-taken",
                "clientId",
                "The client id is already used",
                "identity.client-id-taken");
    }

    /** {@code messageCode} names the rule broken, e.g. {@code identity.invalid.scopes}. */
    public static IdentityException invalid(String field, String messageCode, String message, Object... arguments) {
        return new IdentityException(Kind.INVALID, "invalid", field, message, messageCode, arguments);
    }

    private static HttpStatus status(Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }

    public Kind kind() {
        return kind;
    }
}
