package com.echamado.attachments;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the attachments module ({@code echamado.attachments.*}).
 *
 * @param maxSize the largest file accepted ({@code ECHAMADO_ATTACHMENTS_MAX_SIZE}); a larger one is refused with 413
 */
@Validated
@ConfigurationProperties("echamado.attachments")
record AttachmentsProperties(@NotNull DataSize maxSize) {}
