/**
 * The Jinja context of dbt: {@code ref}, {@code source}, {@code config}, {@code var}, {@code this},
 * {@code adapter}, {@code run_query}, {@code exceptions} and the rest, as objects the templates call.
 * {@link io.smelt.compiler.context.DbtContext} assembles the members every render shares with those of
 * its mode's provider, as dbt's {@code context/providers.py} does: parsing, running a node, an
 * operation, one batch of a microbatch model, a unit test.
 */
package io.smelt.compiler.context;
