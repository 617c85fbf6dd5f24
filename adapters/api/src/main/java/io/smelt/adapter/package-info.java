/**
 * The contract every Smelt engine implements. This module depends only on the JDK; engine modules
 * provide an {@link io.smelt.adapter.AdapterFactory} through {@link java.util.ServiceLoader}.
 *
 * <p>A run opens one {@link io.smelt.adapter.Adapter} per target and one
 * {@link io.smelt.adapter.Session} per worker thread. The SQL of each materialization step is
 * rendered from macros: defaults ({@code default__name}) ship with the compiler and each engine
 * overrides them ({@code duckdb__name}) in the macro resources it lists in
 * {@link io.smelt.adapter.Adapter#macroResources()}.
 *
 * <p>This package holds only interfaces, records, enums, exceptions and documented default methods:
 * a default that an engine without the feature keeps refuses with a clear {@link
 * java.lang.UnsupportedOperationException} (see {@link io.smelt.adapter.Session}). What the JDBC
 * engines share in code lives in their toolkit, {@code io.smelt.adapter.jdbc} (module {@code
 * adapters/jdbc}).
 */
package io.smelt.adapter;
