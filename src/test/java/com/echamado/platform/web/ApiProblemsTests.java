package com.echamado.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ApiProblemsTests {

    @Test
    void anExhaustedConnectionPoolAnswers503WithRetryAfterNot500() {
        var response = new ApiProblems()
                .unavailable(new CannotGetJdbcConnectionException("Connection is not available, request timed out"));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(response.getBody().getDetail()).doesNotContain("timed out");
    }
}
