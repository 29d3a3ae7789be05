package com.echamado.dashboard;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/** The dashboard over the API: what the caller may see, and reused from the shared cache for a short while. */
class DashboardIntegrationTests extends IntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    UserView requester;
    String requesterToken;

    @BeforeEach
    void people() {
        requester = users.create(Role.USER);
        requesterToken = users.token(requester);
    }

    @Test
    void theDashboardCountsWhatTheCallerMaySee() {
        open(http(), requesterToken, uniqueTitle("Painel"));
        HttpResponse<String> mine = http().json("GET", "/api/v1/dashboard", requesterToken, null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode dashboard = TestHttp.parse(mine);
        assertThat(dashboard.get("open").asLong()).isEqualTo(1);
        assertThat(dashboard.get("mine").asLong()).isEqualTo(1);
        assertThat(dashboard.get("createdPerDay").get(0).get("count").asLong()).isEqualTo(1);
        UserView stranger = users.create(Role.USER);
        assertThat(TestHttp.parse(http().json("GET", "/api/v1/dashboard", users.token(stranger), null))
                        .get("open")
                        .asLong())
                .isZero();
    }

    @Test
    void aCallersDashboardIsReusedForAShortWhileThenComputedAgain() {
        assertThat(openOnDashboard(requesterToken)).isZero();
        open(http(), requesterToken, uniqueTitle("Painel em cache"));
        assertThat(openOnDashboard(requesterToken))
                .as("within the cache's life the same figures")
                .isZero();
        String other = users.token(users.create(Role.USER));
        open(http(), other, uniqueTitle("Outro painel"));
        assertThat(openOnDashboard(other))
                .as("another caller has an entry of their own")
                .isEqualTo(1);

        Set<String> entries = redis.keys("*" + TicketDashboard.CACHE + "::" + requester.id() + ":*");
        assertThat(entries).hasSize(1);
        assertThat(redis.getExpire(entries.iterator().next(), TimeUnit.SECONDS))
                .as("expires after ECHAMADO_DASHBOARD_CACHE_TTL (30 s)")
                .isBetween(1L, 30L);
        redis.delete(entries); // what those 30 s do
        assertThat(openOnDashboard(requesterToken)).isEqualTo(1);
    }

    private long openOnDashboard(String token) {
        HttpResponse<String> dashboard = http().json("GET", "/api/v1/dashboard", token, null);
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        return TestHttp.parse(dashboard).get("open").asLong();
    }
}
