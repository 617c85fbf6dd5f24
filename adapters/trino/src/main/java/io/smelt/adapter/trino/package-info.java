/**
 * The Trino engine: a {@code type: trino} profile, sessions over the Trino JDBC driver, and the
 * {@code trino__} macro overrides that make each materialization step atomic on Trino.
 */
package io.smelt.adapter.trino;
