package com.echamado.platform.ratelimit;

import com.echamado.platform.security.SecurityEvents;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits {@code /api/**} requests per user (the token's subject) and per client IP in fixed windows whose counters
 * are shared by every replica (Redis in {@code prod}). Every API answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}; over a limit the answer is 429 with {@code Retry-After}.
 * When the counter store is unreachable the request is served without a limit (the API keeps working while Redis
 * is down) and a warning is logged.
 */
class ApiRateLimit extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRateLimit.class);

    private final AttemptCounters counters;
    private final RateLimitProperties limits;
    private final SecurityEvents events;

    ApiRateLimit(AttemptCounters counters, RateLimitProperties limits, SecurityEvents events) {
        this.counters = counters;
        this.limits = limits;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String ip = request.getRemoteAddr();
        try {
            var byIp = counters.increment("api:ip:" + ip, limits.apiWindow());
            var byUser = auth == null ? byIp : counters.increment("api:user:" + auth.getName(), limits.apiWindow());
            long userLeft = limits.apiPerUser() - byUser.value();
            long ipLeft = limits.apiPerIp() - byIp.value();
            boolean userTighter = userLeft <= ipLeft;
            var binding = userTighter ? byUser : byIp;
            response.setHeader("RateLimit-Limit", Long.toString(userTighter ? limits.apiPerUser() : limits.apiPerIp()));
            response.setHeader("RateLimit-Remaining", Long.toString(Math.max(0, Math.min(userLeft, ipLeft))));
            response.setHeader(
                    "RateLimit-Reset",
                    Long.toString(Math.max(1, binding.remaining().toSeconds())));
            if (userLeft < 0 || ipLeft < 0) {
                long retryAfter = Math.max(1, binding.remaining().toSeconds());
                if (userLeft == -1 || ipLeft == -1) { // log once per window, not for every refused request
                    events.record(
                            "rate_limited",
                            Map.of("ip", ip, "subject", auth == null ? "-" : auth.getName(), "scope", "api"));
                }
                TooManyRequests.write(response, "Too many requests", retryAfter);
                return;
            }
        } catch (RuntimeException storeDown) {
            LOG.warn(
                    "API rate limit skipped, counter store unavailable: {}",
                    storeDown.getClass().getSimpleName());
        }
        chain.doFilter(request, response);
    }
}
