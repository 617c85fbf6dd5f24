package io.smelt.adapter;

import java.util.Set;

/**
 * What an engine can do, so shared materialization code chooses the right path without naming
 * engines. Build one with {@link #builder()}, naming each flag the engine has; a flag left out is
 * false.
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

    /** A builder with every flag false and no incremental strategy. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the flags by name: {@code Capabilities.builder().transactions(true).merge(true)...build()}. */
    public static final class Builder {
        private boolean transactions;
        private boolean atomicRename;
        private boolean createOrReplaceTable;
        private boolean merge;
        private Set<String> incrementalStrategies = Set.of();
        private boolean concurrentWrites;

        private Builder() {
        }

        /** See {@link Capabilities#transactions()}. */
        public Builder transactions(boolean value) {
            transactions = value;
            return this;
        }

        /** See {@link Capabilities#atomicRename()}. */
        public Builder atomicRename(boolean value) {
            atomicRename = value;
            return this;
        }

        /** See {@link Capabilities#createOrReplaceTable()}. */
        public Builder createOrReplaceTable(boolean value) {
            createOrReplaceTable = value;
            return this;
        }

        /** See {@link Capabilities#merge()}. */
        public Builder merge(boolean value) {
            merge = value;
            return this;
        }

        /** See {@link Capabilities#incrementalStrategies()}; replaces any set before. */
        public Builder incrementalStrategies(String... strategies) {
            incrementalStrategies = Set.of(strategies);
            return this;
        }

        /** See {@link Capabilities#concurrentWrites()}. */
        public Builder concurrentWrites(boolean value) {
            concurrentWrites = value;
            return this;
        }

        public Capabilities build() {
            return new Capabilities(transactions, atomicRename, createOrReplaceTable, merge, incrementalStrategies, concurrentWrites);
        }
    }
}
