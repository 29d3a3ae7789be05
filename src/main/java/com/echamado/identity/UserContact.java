package com.echamado.identity;

import java.util.UUID;

/** What notifications need of a user: address, name, language ({@code pt-BR}, {@code en}…) and consent. */
public record UserContact(
        UUID id, String email, String fullName, String language, boolean enabled, boolean emailNotifications) {

    /** True when the user may be sent e-mail: enabled and not opted out. */
    public boolean wantsEmail() {
        return enabled && emailNotifications;
    }
}
