package com.echamado.platform.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused production settings as a readable list instead of a stack trace. */
public class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
        String description = "The prod profile found these problems:\n  - " + String.join("\n  - ", cause.problems());
        String action = "Set the missing variables (see the configuration table in README.md), or mount them as"
                + " files under /run/secrets/. Never use sample or default secrets in production.";
        return new FailureAnalysis(description, action, cause);
    }
}
