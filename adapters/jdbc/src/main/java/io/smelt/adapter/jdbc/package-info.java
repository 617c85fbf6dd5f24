/**
 * The toolkit the JDBC engines share, in the role of Trino's {@code base-jdbc} plugin toolkit: a
 * {@link io.smelt.adapter.jdbc.JdbcAdapter} and {@link io.smelt.adapter.jdbc.JdbcSession} to extend
 * (open sessions, running, cancelling and closing statements, reading rows), {@link
 * io.smelt.adapter.jdbc.ProfileFields} for reading a target's fields with clear errors, seed loading
 * ({@link io.smelt.adapter.jdbc.SeedCsv}, {@link io.smelt.adapter.jdbc.SeedTypeGuess}, {@link
 * io.smelt.adapter.jdbc.SeedColumns}, {@link io.smelt.adapter.jdbc.SeedBatches}), type names
 * ({@link io.smelt.adapter.jdbc.TypeNameMapping}) and values ({@link
 * io.smelt.adapter.jdbc.JdbcValueConverter}). Engine modules depend on it; the compiler never does.
 */
package io.smelt.adapter.jdbc;
