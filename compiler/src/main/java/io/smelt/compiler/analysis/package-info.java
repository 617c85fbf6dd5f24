/**
 * SQL that is understood: each compiled model parsed in its engine's dialect (Calcite, core parser
 * first and Babel when core refuses), validated against the columns of what it reads, its output
 * columns inferred for its children, column lineage, and translation between dialects. See
 * docs/sql-analysis.md and ../shared/notes/calcite.md for the facts this is built on.
 */
package io.smelt.compiler.analysis;
