package io.smelt.cli;

import picocli.CommandLine.Option;

/** {@code --empty}, on the commands dbt gives it (run, build, compile, snapshot). */
public final class EmptyOption {
    @Option(names = "--empty", description = "Read every ref() and source() as zero rows: builds the relations with their "
            + "columns but no data, as dbt --empty does.")
    boolean empty;
}
