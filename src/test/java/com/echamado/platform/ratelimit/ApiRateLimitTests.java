package com.echamado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.platform.security.SecurityEvents;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class ApiRateLimitTests {

    final RateLimitProperties limits =
            new RateLimitProperties(30, 10, Duration.ofMinutes(5), "test", 3, 100, Duration.ofMinutes(1));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyAnswerTellsTheLimitAndTheFourthRequestIsRefused() throws Exception {
        ApiRateLimit filter =
                new ApiRateLimit(new LocalAttemptCounters(Clock.systemUTC()), limits, new SecurityEvents());
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user-1", "x"));
        for (int i = 1; i <= 3; i++) {
            MockHttpServletResponse response = call(filter);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("3");
            assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo(Integer.toString(3 - i));
        }
        MockHttpServletResponse refused = call(filter);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user-2", "x"));
        assertThat(call(filter).getStatus())
                .as("another user has its own budget")
                .isEqualTo(200);
    }

    @Test
    void withTheCounterStoreDownTheApiStillAnswers() throws Exception {
        AttemptCounters down = (key, window) -> {
            throw new IllegalStateException("Redis is down");
        };
        ApiRateLimit filter = new ApiRateLimit(down, limits, new SecurityEvents());
        for (int i = 0; i < 5; i++) {
            assertThat(call(filter).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void pagesAreNotCounted() throws Exception {
        ApiRateLimit filter =
                new ApiRateLimit(new LocalAttemptCounters(Clock.systemUTC()), limits, new SecurityEvents());
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
        page.setRequestURI("/login");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(page, response, new MockFilterChain());
        assertThat(response.getHeader("RateLimit-Limit")).isNull();
    }

    private static MockHttpServletResponse call(ApiRateLimit filter) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tickets");
        request.setRequestURI("/api/v1/tickets");
        request.setRemoteAddr("10.0.0.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
