package com.echamado.sla;

import com.echamado.catalog.Priority;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A policy to create or replace. Conditions left null match any ticket; targets are business minutes of the
 * calendar (null: no such promise); {@code position} orders the policies (the first match applies).
 */
public record PolicyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Min(0) @Max(100_000) Integer position,
        boolean enabled,
        UUID departmentId,
        Priority priority,
        UUID typeId,
        UUID categoryId,
        @NotNull UUID calendarId,
        @Min(1) @Max(525_600) Integer firstResponseMinutes,
        @Min(1) @Max(525_600) Integer nextResponseMinutes,
        @Min(1) @Max(525_600) Integer resolutionMinutes,
        @NotNull @Min(1) @Max(99) Integer warningPercent) {}
