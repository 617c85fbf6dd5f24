package io.smelt.adapter;

import java.util.Set;

/**
 * What an engine can do, so shared materialization code chooses the right path without naming
 * engines.
 *
 * @param transactions DDL and DML can be grouped in one transaction and rolled back
 * @param atomicRename a rename replaces a relation without a window where it is missing
 * @param createOrReplaceTable {@code CREATE OR REPLACE TABLE ... AS} is atomic
 * @param merge the engine has {@code MERGE INTO}
 * @param incrementalStrategies the incremental strategies the engine supports
 * @param concurrentWrites independent models may be written from several sessions at once
 */
public record Capabilities(
        boolean transactions,
        boolean atomicRename,
        boolean createOrReplaceTable,
        boolean merge,
        Set<String> incrementalStrategies,
        boolean concurrentWrites) {
    public Capabilities {
        incrementalStrategies = Set.copyOf(incrementalStrategies);
    }
}
