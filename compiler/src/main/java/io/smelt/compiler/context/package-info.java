/**
 * The Jinja context of dbt: {@code ref}, {@code source}, {@code config}, {@code var}, {@code this},
 * {@code adapter}, {@code run_query}, {@code exceptions} and the rest, as objects the templates call,
 * for parsing and for running a node.
 */
package io.smelt.compiler.context;
