package com.echamado.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.echamado.support.ModuleTest;
import com.echamado.support.Services;
import com.echamado.support.TestClock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity module (with the platform it builds on), on a PostgreSQL database of its own: its facade's use cases
 * and the events it publishes, without the ticket, notification or dashboard modules. The catalog comes along only
 * because identity's administration pages list departments through the {@code AgentDepartments} port it implements.
 */
@ApplicationModuleTest(extraIncludes = {"platform", "catalog"})
@ActiveProfiles("test")
@ExtendWith(Services.class)
@Import(TestClock.Configuration.class)
@DirtiesContext
class IdentityModuleTests {

    static final String PASSWORD = "Correct-Horse-Battery-42";

    @Autowired
    UserManagement users;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ModuleTest.properties(registry, "identity");
    }

    @Test
    void creatingAUserPublishesUserCreatedWithItsRoles(Scenario scenario) {
        String email = unique();

        scenario.stimulate(() -> users.create(new NewUser(email, "Ana", PASSWORD, Set.of(Role.SUPPORT), "en"), null))
                .andWaitForEventOfType(UserCreated.class)
                .matching(event -> event.roles().equals(Set.of(Role.SUPPORT)))
                .toArriveAndVerify((event, created) -> {
                    assertThat(event.userId()).isEqualTo(created.user().id());
                    assertThat(event.language()).isEqualTo("en");
                    assertThat(created.oneTimePassword()).isNull();
                    assertThat(users.findByEmail(email.toUpperCase())).isPresent();
                });
    }

    @Test
    void aUserCreatedWithoutPasswordGetsAOneTimePasswordThatMustBeChanged() {
        CreatedUser created = users.create(new NewUser(unique(), "Ana", null, Set.of(), "pt-BR"), null);

        assertThat(created.oneTimePassword()).isNotBlank();
        assertThat(created.user().mustChangePassword()).isTrue();
        assertThat(created.user().roles()).containsExactly(Role.USER);
    }

    @Test
    void anEmailIsRegisteredOnceWhateverItsCase() {
        String email = unique();
        users.create(new NewUser(email, "Ana", PASSWORD, Set.of(Role.USER), "pt-BR"), null);

        assertThatThrownBy(() -> users.create(
                        new NewUser(" " + email.toUpperCase() + " ", "Ana", PASSWORD, Set.of(Role.USER), "pt-BR"),
                        null))
                .isInstanceOfSatisfying(
                        IdentityException.class, e -> assertThat(e.code()).isEqualTo("email-taken"));
    }

    @Test
    void aWeakPasswordIsRefused() {
        assertThatThrownBy(() -> users.create(new NewUser(unique(), "Ana", "short", Set.of(Role.USER), "pt-BR"), null))
                .isInstanceOfSatisfying(IdentityException.class, e -> {
                    assertThat(e.code()).isEqualTo("weak-password");
                    assertThat(e.field()).isEqualTo("password");
                });
    }

    @Test
    void changingRolesPublishesTheRolesBeforeAndAfter(Scenario scenario) {
        UUID id = users.create(new NewUser(unique(), "Ana", PASSWORD, Set.of(Role.USER), "pt-BR"), null)
                .user()
                .id();

        scenario.stimulate(() -> users.changeRoles(id, EnumSet.of(Role.SUPPORT), null))
                .andWaitForEventOfType(UserRolesChanged.class)
                .matching(event -> event.userId().equals(id))
                .toArriveAndVerify(event -> {
                    assertThat(event.previousRoles()).containsExactly(Role.USER);
                    assertThat(event.roles()).containsExactly(Role.SUPPORT);
                    assertThat(users.get(id).roles()).containsExactly(Role.SUPPORT);
                });
    }

    @Test
    void aUserKeepsAtLeastOneRole() {
        UUID id = users.create(new NewUser(unique(), "Ana", PASSWORD, Set.of(Role.USER), "pt-BR"), null)
                .user()
                .id();

        assertThatThrownBy(() -> users.changeRoles(id, Set.of(), null))
                .isInstanceOfSatisfying(
                        IdentityException.class, e -> assertThat(e.field()).isEqualTo("roles"));
        assertThat(users.get(id).roles()).containsExactly(Role.USER);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndANewOne() {
        UUID id = users.create(new NewUser(unique(), "Ana", PASSWORD, Set.of(Role.USER), "pt-BR"), null)
                .user()
                .id();

        assertThatThrownBy(() -> users.changePassword(id, "not-it", "Another-Horse-Battery-43", null))
                .isInstanceOfSatisfying(
                        IdentityException.class, e -> assertThat(e.code()).isEqualTo("wrong-password"));
        assertThatThrownBy(() -> users.changePassword(id, PASSWORD, PASSWORD, null))
                .isInstanceOfSatisfying(
                        IdentityException.class, e -> assertThat(e.code()).isEqualTo("weak-password"));

        String oneTime = users.resetPassword(id, null);
        assertThat(users.get(id).mustChangePassword()).isTrue();
        users.changePassword(id, oneTime, "Another-Horse-Battery-43", null);
        assertThat(users.get(id).mustChangePassword()).isFalse();
    }

    @Test
    void aDisabledUserIsEnabledAgain() {
        UUID id = users.create(new NewUser(unique(), "Ana", PASSWORD, Set.of(Role.USER), "pt-BR"), null)
                .user()
                .id();

        assertThat(users.disable(id, null).enabled()).isFalse();
        assertThat(users.contact(id).orElseThrow().enabled()).isFalse();
        assertThat(users.enable(id, null).enabled()).isTrue();
    }

    private static String unique() {
        return "module-" + UUID.randomUUID().toString().substring(0, 8) + "@echamado.test";
    }
}
