/**
 * What a run produced, for everyone who reports on it: a node's {@code NodeResult} and
 * {@code NodeStatus}, the {@code RunSummary} of an invocation, the {@code Command} that ran, and the
 * {@code RunListener} through which progress reaches the CLI. A leaf: it knows nodes, not how they run.
 */
package io.smelt.compiler.result;
