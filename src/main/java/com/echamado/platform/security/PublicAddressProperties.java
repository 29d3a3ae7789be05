package com.echamado.platform.security;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the service is reached ({@code echamado.web.*}).
 *
 * @param publicUrl the public URL every redirect and same-origin check uses ({@code ECHAMADO_PUBLIC_URL}, else the
 *     issuer); empty in {@code local} without either: redirects are bare paths
 * @param trustedProxies CIDRs of the proxies whose {@code X-Forwarded-*} and {@code Forwarded} headers count
 *     ({@code ECHAMADO_TRUSTED_PROXIES}); every other peer's are ignored
 */
@Validated
@ConfigurationProperties("echamado.web")
record PublicAddressProperties(String publicUrl, @NotNull List<String> trustedProxies) {}
