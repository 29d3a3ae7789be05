package com.echamado.platform.ops;

import java.util.List;

/** Thrown at start-up when the {@code prod} profile lacks a secret or uses a default one. */
public class InsecureConfigurationException extends IllegalStateException {

    private final List<String> problems;

    InsecureConfigurationException(List<String> problems) {
        super("EChamado refuses to start in the prod profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
