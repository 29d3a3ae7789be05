package com.echamado.tickets;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the tickets module ({@code echamado.tickets.*}).
 *
 * @param reopenWindow how long after resolution a requester may reopen (agents may at any time)
 */
@Validated
@ConfigurationProperties("echamado.tickets")
record TicketsProperties(@NotNull Duration reopenWindow) {}
