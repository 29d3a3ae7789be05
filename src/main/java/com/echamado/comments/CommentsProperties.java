package com.echamado.comments;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the comments module ({@code echamado.comments.*}).
 *
 * @param editWindow how long an author may edit a comment
 */
@Validated
@ConfigurationProperties("echamado.comments")
record CommentsProperties(@NotNull Duration editWindow) {}
