package io.smelt.cli;

import picocli.CommandLine.Option;

/**
 * dbt's flags that change nothing Smelt builds or reports (parsing caches, version checks, usage
 * statistics, log file levels): accepted, hidden from help and ignored, so a CI script written for
 * dbt runs unmodified. A flag that would change the result is never here: it is either implemented
 * or refused (see {@link UnknownOptions}).
 */
final class DbtCompatibilityOptions {
    /** Not ignored: {@code --no-partial-parse} turns off the partial-parse cache (target/smelt_parse_cache.json). */
    @Option(names = "--partial-parse", negatable = true, hidden = true)
    Boolean partialParse;

    @Option(names = "--partial-parse-file-diff", negatable = true, hidden = true)
    Boolean partialParseFileDiff;

    @Option(names = "--version-check", negatable = true, hidden = true)
    Boolean versionCheck;

    @Option(names = "--send-anonymous-usage-stats", negatable = true, hidden = true)
    Boolean usageStats;

    @Option(names = "--static-parser", negatable = true, hidden = true)
    Boolean staticParser;

    @Option(names = "--populate-cache", negatable = true, hidden = true)
    Boolean populateCache;

    @Option(names = "--cache-selected-only", negatable = true, hidden = true)
    Boolean cacheSelectedOnly;

    @Option(names = "--introspect", negatable = true, hidden = true)
    Boolean introspect;

    @Option(names = "--write-json", negatable = true, hidden = true)
    Boolean writeJson;

    @Option(names = "--print", negatable = true, hidden = true)
    Boolean print;

    @Option(names = "--log-file-max-bytes", hidden = true, paramLabel = "BYTES")
    String logFileMaxBytes;

    @Option(names = "--printer-width", hidden = true, paramLabel = "N")
    String printerWidth;
}
