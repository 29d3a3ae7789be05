package com.echamado.platform.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Login attempts allowed per client IP and per account within one window, and API requests per user (token subject)
 * and per client IP within another ({@code echamado.ratelimit.*}); counter keys start with {@code namespace}.
 */
@Validated
@ConfigurationProperties("echamado.ratelimit")
record RateLimitProperties(
        @Min(1) int loginPerIp,
        @Min(1) int loginPerAccount,
        @NotNull Duration window,
        @NotBlank String namespace,
        @Min(1) int apiPerUser,
        @Min(1) int apiPerIp,
        @NotNull Duration apiWindow) {}
