/**
 * The DuckDB engine, embedded: a {@code type: duckdb} profile (also the default when a project has
 * none), one in-process database shared by every session of a run, seeds read with DuckDB's own
 * {@code read_csv}, and write conflicts retried.
 */
package io.smelt.adapter.duckdb;
