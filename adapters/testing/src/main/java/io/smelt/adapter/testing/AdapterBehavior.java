package io.smelt.adapter.testing;

/** Features the contract tests exercise and an engine may lack; see {@link BaseAdapterTest#hasBehavior}. */
public enum AdapterBehavior {
    TRANSACTIONS,
    MERGE,
    CREATE_OR_REPLACE_TABLE,
    CONCURRENT_WRITES,
    /** Cancelling a running statement from another thread; needs {@link BaseAdapterTest#longRunningQuery()}. */
    CANCEL,
    /** The engine reports how many rows an INSERT wrote. */
    ROWS_AFFECTED,
    /** Table and column names with spaces, double quotes, mixed case and reserved words. */
    ODD_IDENTIFIERS,
    SEEDS,
}
