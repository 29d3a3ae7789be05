package com.echamado.sla;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the SLA module ({@code echamado.sla.*}).
 *
 * @param escalationInterval pause between two escalation runs (one replica runs at a time)
 * @param escalationBatch most clocks one run handles
 * @param recomputeBatch page size in which open tickets are read for recomputation after a policy change
 * @param warningsInBusinessHoursOnly hold warnings due outside the calendar's business hours until it opens
 *     (breaches are announced at once)
 * @param backfillOnStart after start-up, give clocks to the open tickets that have none yet (opened before the module
 *     existed), in the background, one replica at a time ({@link SlaBackfill})
 */
@Validated
@ConfigurationProperties("echamado.sla")
record SlaProperties(
        @NotNull Duration escalationInterval,
        @Min(1) @Max(10_000) int escalationBatch,
        @Min(1) @Max(10_000) int recomputeBatch,
        boolean warningsInBusinessHoursOnly,
        boolean backfillOnStart) {}
