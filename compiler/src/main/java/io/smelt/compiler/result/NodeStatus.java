package io.smelt.compiler.result;

import java.util.Locale;

/** The outcome of one node, named as dbt's run_results.json names it. */
public enum NodeStatus {
    SUCCESS, ERROR, SKIPPED, PASS, FAIL, WARN;

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the run as a whole should exit 1. */
    public boolean isFailure() {
        return this == ERROR || this == FAIL;
    }
}
