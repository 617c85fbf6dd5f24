package io.smelt.cli;

import picocli.CommandLine.Option;

/** {@code --store-failures}, of the commands that run data tests (test, build). */
public final class StoreFailuresOption {
    @Option(names = "--store-failures",
            description = "Store the failing rows of data tests in the database (tests whose config sets store_failures "
                    + "or store_failures_as follow their config).")
    boolean storeFailures;
}
