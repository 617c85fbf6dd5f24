package io.smelt.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Reports for CI of the commands that run nodes. */
public final class ReportOptions {
    @Option(names = "--junit-xml", paramLabel = "PATH",
            description = "Also write the run as a JUnit XML report (one testcase per test and model) to PATH.")
    Path junitXml;
}
