package io.smelt.compiler.result;

/** What an invocation does with the selected nodes. */
public enum Command {
    PARSE, COMPILE, RUN, SEED, TEST, BUILD, SNAPSHOT, CLONE, LS, SHOW, RUN_OPERATION, DEBUG, CLEAN,
    /** {@code source freshness}, whose verb is {@code freshness} as in dbt's {@code which}. */
    FRESHNESS;

    /** The verb as typed on the command line ({@code run-operation}). */
    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
