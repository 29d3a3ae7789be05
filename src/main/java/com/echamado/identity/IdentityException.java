package com.echamado.identity;

/** A rule of the identity module was broken; {@link #field()} names the input at fault, if any. */
public class IdentityException extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Kind kind;
    private final String code;
    private final String field;

    IdentityException(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static IdentityException userNotFound(Object id) {
        return new IdentityException(Kind.NOT_FOUND, "user-not-found", null, "No user " + id);
    }

    public static IdentityException emailTaken(String email) {
        return new IdentityException(Kind.CONFLICT, "email-taken", "email", "The e-mail is already registered");
    }

    public static IdentityException weakPassword(String field, String reason) {
        return new IdentityException(Kind.INVALID, "weak-password", field, reason);
    }

    public static IdentityException wrongCurrentPassword() {
        return new IdentityException(
                Kind.INVALID, "wrong-password", "currentPassword", "The current password is not correct");
    }

    public static IdentityException lastAdministrator() {
        return new IdentityException(
                Kind.CONFLICT, "last-administrator", "roles", "The last enabled administrator cannot lose that role");
    }

    public static IdentityException registrationClosed() {
        return new IdentityException(Kind.NOT_FOUND, "registration-closed", null, "Self-registration is off");
    }

    public static IdentityException clientNotFound(String clientId) {
        return new IdentityException(Kind.NOT_FOUND, "client-not-found", null, "No client " + clientId);
    }

    public static IdentityException clientIdTaken(String clientId) {
        return new IdentityException(Kind.CONFLICT, "client-id-taken", "clientId", "The client id is already used");
    }

    public static IdentityException invalid(String field, String message) {
        return new IdentityException(Kind.INVALID, "invalid", field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
