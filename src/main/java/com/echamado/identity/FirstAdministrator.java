package com.echamado.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On the first start (no user yet) creates the administrator from {@code ECHAMADO_ADMIN_EMAIL} /
 * {@code ECHAMADO_ADMIN_PASSWORD}, named {@code ECHAMADO_ADMIN_NAME} ("Administrador", the installation's default
 * language being Brazilian Portuguese); when the password is unset, a one-time password is printed once and must be
 * changed at first login. Replicas starting together race harmlessly: the e-mail is unique, one wins.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String DEFAULT_EMAIL = "admin@echamado.local";
    static final String DEFAULT_NAME = "Administrador";

    private final UserManagement users;
    private final IdentityProperties properties;

    FirstAdministrator(UserManagement users, IdentityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = blankToNull(properties.adminEmail());
        String password = blankToNull(properties.adminPassword());
        String name = blankToNull(properties.adminName());
        try {
            users.createFirstAdministrator(
                            email == null ? DEFAULT_EMAIL : email, name == null ? DEFAULT_NAME : name, password)
                    .ifPresent(created -> {
                        if (created.oneTimePassword() != null) {
                            LOG.warn(
                                    "First administrator {} created. One-time password (shown once, change it at"
                                            + " first login): {}",
                                    created.user().email(),
                                    created.oneTimePassword());
                        } else {
                            LOG.info(
                                    "First administrator {} created",
                                    created.user().email());
                        }
                    });
        } catch (DataIntegrityViolationException | IdentityException anotherReplicaWon) {
            // replicas starting together on an empty database: one creates the administrator, the others find the
            // e-mail taken (checked, or refused by the unique index) and carry on
            LOG.info("Another instance created the first administrator");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
