/** catalog.json, as {@code docs generate} builds it: the engine's catalog macros run per database, rows matched to nodes and sources. */
package io.smelt.compiler.catalog;
