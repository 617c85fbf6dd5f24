/**
 * dbt's Jinja, built on jinjava: {@link io.smelt.compiler.jinja.JinjaEngine} parses every package's
 * macros once and renders templates from many threads with dbt's macro lookup and dispatch rules.
 * The {@code Py*} classes give values Python's semantics (str, list and dict methods, {@code %} and
 * {@code format}, {@code modules.re} and {@code modules.datetime}); {@code TestPythonSemantics} holds them
 * to what CPython prints. Knows nothing of projects or engines: the context package supplies dbt's globals.
 */
package io.smelt.compiler.jinja;
