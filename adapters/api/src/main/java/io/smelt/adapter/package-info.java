/**
 * The contract every Smelt engine implements. This module depends only on the JDK; engine modules
 * provide an {@link io.smelt.adapter.AdapterFactory} through {@link java.util.ServiceLoader}.
 *
 * <p>A run opens one {@link io.smelt.adapter.Adapter} per target and one
 * {@link io.smelt.adapter.Session} per worker thread. The SQL of each materialization step is
 * rendered from macros: defaults ({@code default__name}) ship with the compiler and each engine
 * overrides them ({@code duckdb__name}) in the macro resources it lists in
 * {@link io.smelt.adapter.Adapter#macroResources()}.
 */
package io.smelt.adapter;
