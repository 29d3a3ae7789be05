package com.echamado.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "app_user")
class User {

    @Id
    private UUID id;

    private String email;

    @Column(name = "email_normalized")
    private String emailNormalized;

    private String fullName;

    private String passwordHash;

    private boolean enabled;

    private boolean mustChangePassword;

    private int failedLogins;

    private Instant lockedUntil;

    private String language;

    private Instant createdAt;

    private Instant lastLoginAt;

    private boolean emailNotifications = true;

    private Instant tokensValidAfter;

    private String tokensKeptGrant;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected User() {}

    User(String email, String fullName, String passwordHash, Set<Role> roles, String language, Instant now) {
        this.id = UUID.randomUUID();
        this.email = email.trim();
        this.emailNormalized = normalize(email);
        this.fullName = fullName.trim();
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.roles = roles.isEmpty() ? EnumSet.of(Role.USER) : EnumSet.copyOf(roles);
        this.language = language;
        this.createdAt = now;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed login; at {@code maxFailures} the account locks for {@code lockout}. True if it locked now. */
    boolean recordFailedLogin(int maxFailures, Duration lockout, Instant now) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            failedLogins = 0;
            lockedUntil = now.plus(lockout);
            return true;
        }
        return false;
    }

    void recordSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
    }

    void resetPassword(String temporaryHash) {
        passwordHash = temporaryHash;
        mustChangePassword = true;
        unlock();
    }

    /**
     * Tokens and sessions issued before {@code cutoff} no longer count, except the tokens of {@code keptGrant} (the
     * grant a user changed their own password from; null for none).
     */
    void endAccessIssuedBefore(Instant cutoff, String keptGrant) {
        tokensValidAfter = cutoff;
        tokensKeptGrant = keptGrant;
    }

    void requirePasswordChange() {
        mustChangePassword = true;
    }

    void replaceRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    void updateProfile(String newFullName, String newLanguage) {
        fullName = newFullName.trim();
        language = newLanguage;
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
    }

    void changeEmailNotifications(boolean enabled) {
        emailNotifications = enabled;
    }

    UserContact toContact() {
        return new UserContact(id, email, fullName, language, enabled, emailNotifications);
    }

    UserView toView(Instant now) {
        return new UserView(
                id,
                email,
                fullName,
                roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles)),
                enabled,
                isLocked(now),
                mustChangePassword,
                language,
                createdAt,
                lastLoginAt);
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }
}
