/**
 * The Spark engine: a {@code type: spark} profile ({@code method: thrift}), sessions over a
 * HiveServer2 JDBC driver to Spark's Thrift server, Delta tables, and the {@code spark__} macro
 * overrides of each materialization step.
 */
package io.smelt.adapter.spark;
