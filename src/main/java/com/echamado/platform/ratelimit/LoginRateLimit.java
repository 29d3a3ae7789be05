package com.echamado.platform.ratelimit;

import com.echamado.platform.security.SecurityEvents;
import com.echamado.platform.security.SignInForm;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts (a {@code POST} to the {@link SignInForm} that the identity module publishes) per client IP
 * and per account, before authentication runs. Over the
 * limit: 429 with {@code Retry-After}. If the counter store is unreachable the attempt is let through (the
 * account lockout in the database still applies) and a warning is logged.
 */
class LoginRateLimit extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRateLimit.class);

    private final AttemptCounters counters;
    private final RateLimitProperties limits;
    private final SecurityEvents events;
    private final SignInForm form;

    LoginRateLimit(AttemptCounters counters, RateLimitProperties limits, SecurityEvents events, SignInForm form) {
        this.counters = counters;
        this.limits = limits;
        this.events = events;
        this.form = form;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && form.path().equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ip = request.getRemoteAddr();
        String account = String.valueOf(request.getParameter(form.usernameParameter()))
                .trim()
                .toLowerCase(Locale.ROOT);
        try {
            Duration window = limits.window();
            var byIp = counters.increment("login:ip:" + ip, window);
            var byAccount = counters.increment("login:account:" + account, window);
            if (byIp.value() > limits.loginPerIp() || byAccount.value() > limits.loginPerAccount()) {
                long retryAfter = Math.max(
                        1,
                        Math.max(
                                byIp.value() > limits.loginPerIp()
                                        ? byIp.remaining().toSeconds()
                                        : 0,
                                byAccount.value() > limits.loginPerAccount()
                                        ? byAccount.remaining().toSeconds()
                                        : 0));
                events.record("rate_limited", Map.of("ip", ip, "account", account, "retryAfter", retryAfter));
                TooManyRequests.write(response, "Too many sign-in attempts", retryAfter);
                return;
            }
        } catch (RuntimeException storeDown) {
            LOG.warn(
                    "Login rate limit skipped, counter store unavailable: {}",
                    storeDown.getClass().getSimpleName());
        }
        chain.doFilter(request, response);
    }
}
