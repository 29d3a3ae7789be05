/**
 * Operations: clock, caches, configuration checks, and {@code --verify-data} ({@link
 * com.echamado.platform.ops.DataVerification}), which runs the {@link com.echamado.platform.ops.DataCheck}s that
 * modules contribute. A named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("ops")
package com.echamado.platform.ops;
