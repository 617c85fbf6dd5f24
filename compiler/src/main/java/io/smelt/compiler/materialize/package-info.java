/**
 * Writing one compiled node to the warehouse: views, tables, incremental strategies, microbatch
 * batches, snapshots, seeds, stored test failures and project-defined materializations, each as the
 * statements of the engine's macros, with hooks, transactions and the relation cache.
 * {@code Materializer} is the entry point and builds views, tables and stored failures; it hands
 * incremental runs, snapshots and seeds to {@code IncrementalBuild}, {@code SnapshotBuild} and
 * {@code SeedLoad}, which share {@code Steps}. Creating, dropping and renaming go through
 * {@code context.RelationOps}, which keeps the relation cache in step. The {@code *Config} records
 * check a node's config first.
 */
package io.smelt.compiler.materialize;
