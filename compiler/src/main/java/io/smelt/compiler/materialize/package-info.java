/**
 * Writing one compiled node to the warehouse: views, tables, incremental strategies, microbatch
 * batches, snapshots, seeds, stored test failures and project-defined materializations, each as the
 * statements of the engine's macros, with hooks, transactions and the relation cache.
 * {@code Materializer} is the entry point; the {@code *Config} records check a node's config first.
 */
package io.smelt.compiler.materialize;
