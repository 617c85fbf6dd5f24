/**
 * What a run looks like in the terminal: the {@code Reporter}s that follow a run ({@code TextReporter}
 * with its progress line and colours, {@code JsonReporter} for {@code --log-format json}), node lines,
 * summaries and the failure report.
 */
package io.smelt.cli.output;
