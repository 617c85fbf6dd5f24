package io.smelt.cli;

import picocli.CommandLine.Option;

/** {@code --no-sql-check}, on the commands that check the project's SQL before running it (compile, run, build). */
public final class SqlCheckOption {
    @Option(names = "--no-sql-check", description = "Do not analyse the models' SQL before running it (unknown columns, "
            + "ambiguous columns, union widths); a model can also opt out with config(sql_check=false).")
    boolean off;
}
