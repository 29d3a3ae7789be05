package com.echamado.platform.ops;

import java.util.List;

/**
 * The {@code --verify-data} checks of one module, over the tables it owns (and the ids they hold of the modules it
 * may depend on). {@link DataVerification} finds every implementation under the application's package by type,
 * builds it in a context that holds only a data source, and runs the checks in the implementations' {@code @Order}.
 * Implementations are package-private {@code @Component}s with a no-argument constructor.
 */
public interface DataCheck {

    /** The checks, in the order they are reported. */
    List<Check> checks();

    /** A check: a name (one output line) and SQL that counts the rows violating it (0 = sound). */
    record Check(String name, String violationsSql) {}
}
