package com.echamado.dashboard;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dashboard module ({@code echamado.dashboard.*}).
 *
 * @param cacheTtl how long a caller's dashboard figures are reused from the shared cache (zero: not cached)
 */
@Validated
@ConfigurationProperties("echamado.dashboard")
record DashboardProperties(@NotNull Duration cacheTtl) {}
