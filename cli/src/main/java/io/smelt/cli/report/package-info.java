/**
 * Reports for CI written after a run: JUnit XML, GitHub Actions annotations and the step summary.
 */
package io.smelt.cli.report;
