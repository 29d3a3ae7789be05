package com.echamado.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user aggregate's rules, without Spring or a database. */
class UserTests {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Test
    void aNewUserIsEnabledWithATrimmedEmailComparedInLowerCase() {
        User user = new User("  Ana.Souza@Example.COM ", "  Ana Souza ", "hash", Set.of(Role.SUPPORT), "pt-BR", NOW);

        UserView view = user.toView(NOW);
        assertThat(view.email()).isEqualTo("Ana.Souza@Example.COM");
        assertThat(User.normalize(" Ana.Souza@Example.COM")).isEqualTo("ana.souza@example.com");
        assertThat(view.fullName()).isEqualTo("Ana Souza");
        assertThat(view.enabled()).isTrue();
        assertThat(view.locked()).isFalse();
        assertThat(view.mustChangePassword()).isFalse();
        assertThat(view.roles()).containsExactly(Role.SUPPORT);
        assertThat(view.createdAt()).isEqualTo(NOW);
        assertThat(view.lastLoginAt()).isNull();
    }

    @Test
    void aUserWithoutRolesIsARequester() {
        assertThat(user(Set.of()).roles()).containsExactly(Role.USER);
    }

    @Test
    void theUserKeepsItsOwnCopyOfTheRoles() {
        Set<Role> roles = EnumSet.of(Role.ADMIN);
        User user = user(roles);

        roles.add(Role.SUPPORT);

        assertThat(user.roles()).containsExactly(Role.ADMIN);
        assertThatThrownBy(() -> user.roles().add(Role.USER)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void replacingRolesLeavesOnlyTheNewOnes() {
        User user = user(Set.of(Role.ADMIN, Role.SUPPORT));

        user.replaceRoles(Set.of(Role.USER));

        assertThat(user.roles()).containsExactly(Role.USER);
        assertThat(user.toView(NOW).hasRole(Role.ADMIN)).isFalse();
    }

    @Test
    void failedLoginsLockTheAccountAtTheLimitForTheLockoutTime() {
        User user = user(Set.of());

        assertThat(user.recordFailedLogin(3, LOCKOUT, NOW)).isFalse();
        assertThat(user.recordFailedLogin(3, LOCKOUT, NOW)).isFalse();
        assertThat(user.isLocked(NOW)).isFalse();
        assertThat(user.recordFailedLogin(3, LOCKOUT, NOW)).as("locked now").isTrue();

        assertThat(user.isLocked(NOW)).isTrue();
        assertThat(user.toView(NOW).locked()).isTrue();
        assertThat(user.isLocked(NOW.plus(LOCKOUT).minusSeconds(1))).isTrue();
        assertThat(user.isLocked(NOW.plus(LOCKOUT))).as("the lockout has ended").isFalse();
    }

    @Test
    void theFailureCountStartsOverAfterALockout() {
        User user = user(Set.of());
        for (int i = 0; i < 3; i++) {
            user.recordFailedLogin(3, LOCKOUT, NOW);
        }
        Instant afterLockout = NOW.plus(LOCKOUT);

        assertThat(user.recordFailedLogin(3, LOCKOUT, afterLockout)).isFalse();
        assertThat(user.recordFailedLogin(3, LOCKOUT, afterLockout)).isFalse();
        assertThat(user.isLocked(afterLockout)).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailuresAndRecordsTheTime() {
        User user = user(Set.of());
        user.recordFailedLogin(3, LOCKOUT, NOW);
        user.recordFailedLogin(3, LOCKOUT, NOW);

        user.recordSuccessfulLogin(NOW);

        assertThat(user.recordFailedLogin(3, LOCKOUT, NOW)).isFalse();
        assertThat(user.recordFailedLogin(3, LOCKOUT, NOW)).isFalse();
        assertThat(user.isLocked(NOW)).isFalse();
        assertThat(user.toView(NOW).lastLoginAt()).isEqualTo(NOW);
    }

    @Test
    void unlockingEndsTheLockoutAndForgetsTheFailures() {
        User user = lockedUser();

        user.unlock();

        assertThat(user.isLocked(NOW)).isFalse();
        assertThat(user.recordFailedLogin(3, LOCKOUT, NOW)).isFalse();
        assertThat(user.recordFailedLogin(3, LOCKOUT, NOW)).isFalse();
        assertThat(user.isLocked(NOW)).isFalse();
    }

    @Test
    void aResetPasswordIsTemporaryAndUnlocksTheAccount() {
        User user = lockedUser();

        user.resetPassword("temporary");

        assertThat(user.passwordHash()).isEqualTo("temporary");
        assertThat(user.mustChangePassword()).isTrue();
        assertThat(user.isLocked(NOW)).isFalse();
    }

    @Test
    void changingThePasswordEndsTheObligationToChangeIt() {
        User user = user(Set.of());
        user.requirePasswordChange();
        assertThat(user.mustChangePassword()).isTrue();

        user.changePassword("new-hash");

        assertThat(user.passwordHash()).isEqualTo("new-hash");
        assertThat(user.mustChangePassword()).isFalse();
        assertThat(user.toView(NOW).mustChangePassword()).isFalse();
    }

    @Test
    void disablingAndEnablingAUser() {
        User user = user(Set.of());

        user.disable();
        assertThat(user.enabled()).isFalse();
        assertThat(user.toView(NOW).enabled()).isFalse();
        assertThat(user.toContact().enabled()).isFalse();

        user.enable();
        assertThat(user.enabled()).isTrue();
    }

    @Test
    void theProfileTakesATrimmedNameAndTheLanguage() {
        User user = user(Set.of());

        user.updateProfile("  Ana Lima  ", "en");

        assertThat(user.toView(NOW).fullName()).isEqualTo("Ana Lima");
        assertThat(user.toContact().language()).isEqualTo("en");
    }

    @Test
    void emailNotificationsAreOnUntilTheUserTurnsThemOff() {
        User user = user(Set.of());
        assertThat(user.toContact().emailNotifications()).isTrue();

        user.changeEmailNotifications(false);

        assertThat(user.toContact().emailNotifications()).isFalse();
        assertThat(user.toContact().email()).isEqualTo("ana@example.com");
    }

    private static User user(Set<Role> roles) {
        return new User("ana@example.com", "Ana", "hash", roles, "pt-BR", NOW);
    }

    private static User lockedUser() {
        User user = user(Set.of());
        for (int i = 0; i < 3; i++) {
            user.recordFailedLogin(3, LOCKOUT, NOW);
        }
        assertThat(user.isLocked(NOW)).isTrue();
        return user;
    }
}
