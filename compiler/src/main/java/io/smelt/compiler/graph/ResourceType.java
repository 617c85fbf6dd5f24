package io.smelt.compiler.graph;

import java.util.Locale;

/** The kinds of node in a project, named as dbt names them in unique ids and artifacts. */
public enum ResourceType {
    MODEL, SEED, SOURCE, TEST, ANALYSIS, SNAPSHOT, OPERATION, UNIT_TEST, EXPOSURE;

    /** {@code model}, {@code seed}, ... as in dbt's unique ids and artifacts. */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceType fromDbtName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
