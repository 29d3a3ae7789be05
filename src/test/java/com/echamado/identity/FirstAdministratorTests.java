package com.echamado.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class FirstAdministratorTests {

    @Test
    void aReplicaThatLosesTheRaceForTheFirstAdministratorStartsAnyway() {
        UserManagement users = mock(UserManagement.class);
        when(users.createFirstAdministrator(any(), any(), any())).thenThrow(IdentityException.emailTaken("a@b.c"));
        IdentityProperties properties = new IdentityProperties(
                "",
                "echamado-api",
                "",
                "",
                "admin@example.test",
                "",
                "Administrador",
                true,
                5,
                Duration.ofMinutes(15),
                Duration.ofMinutes(10),
                Duration.ofHours(8),
                new IdentityProperties.PublicClient("spa", List.of(), List.of()),
                new IdentityProperties.IntegrationClient("", "", null, List.of()));
        assertThatCode(() -> new FirstAdministrator(users, properties).run(new DefaultApplicationArguments()))
                .doesNotThrowAnyException();
    }
}
