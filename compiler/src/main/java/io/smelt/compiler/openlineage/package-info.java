/**
 * OpenLineage run events for each node a run, build, seed, snapshot or test executes, built with
 * OpenLineage's Java client and sent as the usual {@code OPENLINEAGE_*} variables or
 * {@code openlineage.yml} say: a {@code RunListener} the CLI adds when something is configured.
 */
package io.smelt.compiler.openlineage;
