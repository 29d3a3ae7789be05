package com.echamado.tickets;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the tickets module ({@code echamado.tickets.*}).
 *
 * @param reopenWindow how long after resolution a requester may reopen (agents may at any time)
 * @param dashboardCacheTtl how long a caller's dashboard figures are reused from the shared cache (zero: not cached)
 */
@Validated
@ConfigurationProperties("echamado.tickets")
record TicketsProperties(
        @NotNull Duration reopenWindow, @NotNull Duration dashboardCacheTtl) {}
