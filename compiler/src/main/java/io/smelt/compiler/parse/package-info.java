/**
 * The parse phase: every model, seed, snapshot, analysis, test, source, exposure and unit test of every
 * package becomes a node of the manifest, with the names, unique ids and relation names dbt gives it
 * and the checks dbt makes before anything runs.
 */
package io.smelt.compiler.parse;
