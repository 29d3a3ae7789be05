package com.echamado.identity;

import com.echamado.platform.security.SecurityEvents;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles: registration, administration, passwords and the login bookkeeping.
 *
 * <p>Past ~250 lines on purpose: each public method is one administration use case, and those that end a person's
 * access (disable, lock, role change, password reset) end it in the same transaction through {@code
 * AccessRevocation}; the rules themselves already live apart ({@code PasswordPolicy}, {@code PasswordChangeGate},
 * {@code LoginBookkeeping}).
 */
@Service
@Transactional
public class UserManagement {

    private static final String ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final IdentityProperties properties;
    private final SecurityEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher published;
    private final AccessRevocation revocation;
    private final SecureRandom random = new SecureRandom();

    UserManagement(
            UserRepository users,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            IdentityProperties properties,
            SecurityEvents events,
            Clock clock,
            ApplicationEventPublisher published,
            AccessRevocation revocation) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.published = published;
        this.revocation = revocation;
    }

    /** Self-registration of a requester (role USER), when it is switched on. */
    public UserView register(String email, String fullName, String password, String language) {
        if (!properties.registrationEnabled()) {
            throw IdentityException.registrationClosed();
        }
        policy.check("password", password, email);
        User user = save(email, fullName, encoder.encode(password), EnumSet.of(Role.USER), language);
        events.record("user_registered", Map.of("userId", user.id()));
        published.publishEvent(new UserCreated(UUID.randomUUID(), now(), user.id(), user.roles(), language, null));
        return user.toView(now());
    }

    /** An administrator creates a user; without a password one is generated and must be changed at first login. */
    public CreatedUser create(NewUser request, UUID actorId) {
        String oneTime = null;
        String password = request.password();
        if (password == null || password.isBlank()) {
            oneTime = oneTimePassword();
            password = oneTime;
        } else {
            policy.check("password", password, request.email());
        }
        Set<Role> roles =
                request.roles() == null || request.roles().isEmpty() ? EnumSet.of(Role.USER) : request.roles();
        User user = save(request.email(), request.fullName(), encoder.encode(password), roles, request.language());
        if (oneTime != null) {
            user.requirePasswordChange();
        }
        events.record("user_created", Map.of("userId", user.id(), "roles", roles, "actor", String.valueOf(actorId)));
        published.publishEvent(
                new UserCreated(UUID.randomUUID(), now(), user.id(), user.roles(), request.language(), actorId));
        return new CreatedUser(user.toView(now()), oneTime);
    }

    /** Creates the first administrator when the installation has no user yet; empty when it already has users. */
    public Optional<CreatedUser> createFirstAdministrator(String email, String name, String password) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(create(new NewUser(email, name, password, EnumSet.of(Role.ADMIN), null), null));
    }

    @Transactional(readOnly = true)
    public Page<UserView> search(String query, Pageable pageable) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        Instant now = now();
        return users.search(q, pageable).map(user -> user.toView(now));
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return find(id).toView(now());
    }

    /**
     * The users with these ids, read in one statement (pages name many people at once); ids of no user are left
     * out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, UserView> getAll(Collection<UUID> ids) {
        Set<UUID> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Instant now = now();
        Map<UUID, UserView> out = new HashMap<>();
        users.findAllWithRoles(wanted).forEach(user -> out.put(user.id(), user.toView(now)));
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<UserView> findByEmail(String email) {
        return users.findByEmailNormalized(User.normalize(email)).map(user -> user.toView(now()));
    }

    /** The user's own name and preferred language ({@code pt-BR} or {@code en}). */
    public UserView updateProfile(UUID id, String fullName, String language) {
        if (fullName == null || fullName.isBlank() || fullName.trim().length() > 200) {
            throw IdentityException.invalid(
                    "fullName", "identity.invalid.name", "A name of 1 to 200 characters is required");
        }
        if (!"pt-BR".equals(language) && !"en".equals(language)) {
            throw IdentityException.invalid("language", "identity.invalid.language", "Choose pt-BR or en");
        }
        User user = find(id);
        user.updateProfile(fullName, language);
        events.record("profile_updated", Map.of("userId", id));
        return user.toView(now());
    }

    public UserView changeRoles(UUID id, Set<Role> roles, UUID actorId) {
        if (roles == null || roles.isEmpty()) {
            throw IdentityException.invalid("roles", "identity.invalid.roles", "At least one role is required");
        }
        User user = find(id);
        if (user.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && user.enabled()) {
            guardLastAdministrator();
        }
        Set<Role> before = user.roles();
        user.replaceRoles(roles);
        if (!before.equals(user.roles())) {
            revocation.endAccess(user, "roles_changed", null);
        }
        events.record(
                "roles_changed",
                Map.of("userId", id, "before", before, "after", roles, "actor", String.valueOf(actorId)));
        published.publishEvent(new UserRolesChanged(UUID.randomUUID(), now(), id, before, user.roles(), actorId));
        return user.toView(now());
    }

    public UserView disable(UUID id, UUID actorId) {
        User user = find(id);
        if (user.enabled() && user.roles().contains(Role.ADMIN)) {
            guardLastAdministrator();
        }
        user.disable();
        revocation.endAccess(user, "disabled", null);
        events.record("user_disabled", Map.of("userId", id, "actor", String.valueOf(actorId)));
        return user.toView(now());
    }

    public UserView enable(UUID id, UUID actorId) {
        User user = find(id);
        user.enable();
        events.record("user_enabled", Map.of("userId", id, "actor", String.valueOf(actorId)));
        return user.toView(now());
    }

    public UserView unlock(UUID id, UUID actorId) {
        User user = find(id);
        user.unlock();
        events.record("user_unlocked", Map.of("userId", id, "actor", String.valueOf(actorId)));
        return user.toView(now());
    }

    /** An administrator starts a reset: a one-time password is returned once and must be changed at next login. */
    public String resetPassword(UUID id, UUID actorId) {
        User user = find(id);
        String oneTime = oneTimePassword();
        user.resetPassword(encoder.encode(oneTime));
        revocation.endAccess(user, "password_reset", null);
        events.record("password_reset", Map.of("userId", id, "actor", String.valueOf(actorId)));
        return oneTime;
    }

    /**
     * The user changes their own password: every other grant and session of theirs ends; the grant
     * {@code currentGrant} they changed it from (null: none, e.g. a web session) is kept.
     */
    public void changePassword(UUID id, String currentPassword, String newPassword, String currentGrant) {
        User user = find(id);
        if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
            throw IdentityException.wrongCurrentPassword();
        }
        if (currentPassword.equals(newPassword)) {
            throw IdentityException.weakPassword(
                    "newPassword",
                    "identity.weak-password.unchanged",
                    "The new password must differ from the current one");
        }
        policy.check("newPassword", newPassword, user.email());
        user.changePassword(encoder.encode(newPassword));
        revocation.endAccess(user, "password_changed", currentGrant);
        events.record("password_changed", Map.of("userId", id));
    }

    /** Where and in which language to notify a user, and whether they want e-mail; empty for an unknown id. */
    @Transactional(readOnly = true)
    public Optional<UserContact> contact(UUID id) {
        return users.findById(id).map(User::toContact);
    }

    /** Switches the user's e-mail notifications on or off. */
    public void changeEmailNotifications(UUID id, boolean enabled) {
        find(id).changeEmailNotifications(enabled);
    }

    void recordSuccessfulLogin(UUID id) {
        users.findById(id).ifPresent(user -> user.recordSuccessfulLogin(now()));
    }

    void recordFailedLogin(String email) {
        users.findByEmailNormalized(User.normalize(email)).ifPresent(user -> {
            if (user.recordFailedLogin(properties.maxFailedLogins(), properties.lockoutDuration(), now())) {
                events.record("account_locked", Map.of("userId", user.id()));
                revocation.endAccess(user, "locked", null);
            }
        });
    }

    private User save(String email, String fullName, String hash, Set<Role> roles, String language) {
        if (users.existsByEmailNormalized(User.normalize(email))) {
            throw IdentityException.emailTaken(email);
        }
        return users.saveAndFlush(new User(email, fullName, hash, roles, language, now()));
    }

    private void guardLastAdministrator() {
        if (users.countEnabledAdministrators() <= 1) {
            throw IdentityException.lastAdministrator();
        }
    }

    private User find(UUID id) {
        return users.findById(id).orElseThrow(() -> IdentityException.userNotFound(id));
    }

    private String oneTimePassword() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return out.toString();
    }

    private Instant now() {
        return clock.instant();
    }
}
