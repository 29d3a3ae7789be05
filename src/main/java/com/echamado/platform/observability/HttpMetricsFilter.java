package com.echamado.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The metrics that the deployment guide's dashboards and alerts query: {@code http_requests_total} and the histogram
 * {@code http_request_duration_seconds} (buckets up to 10 s, one at 0.5 s), labelled {@code method}, {@code status}
 * and {@code route} (the mapping's pattern, never the raw path, so the label set stays small).
 */
class HttpMetricsFilter extends OncePerRequestFilter {

    static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    /** Endpoints served by the modules' security filters (no handler mapping), named as they are. */
    private final Set<String> filterRoutes;

    private final MeterRegistry registry;

    HttpMetricsFilter(MeterRegistry registry, Set<String> filterRoutes) {
        this.registry = registry;
        this.filterRoutes = Set.copyOf(filterRoutes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String method = request.getMethod();
            String status = Integer.toString(response.getStatus());
            String route = route(request, response.getStatus());
            Counter.builder("http.requests")
                    .description("HTTP requests served")
                    .tags("method", method, "status", status, "route", route)
                    .register(registry)
                    .increment();
            Timer.builder("http.request.duration")
                    .description("HTTP request duration")
                    .tags("method", method, "status", status, "route", route)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    String route(HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null) {
            return pattern.toString();
        }
        String uri = request.getRequestURI();
        if (filterRoutes.contains(uri)) {
            return uri;
        }
        return status == 404 ? "NOT_FOUND" : "OTHER";
    }
}
