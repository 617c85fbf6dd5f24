/**
 * The SQL check of a project: every model's parse-time SQL analysed in its dialect (package
 * {@code analysis}) against what it reads (seeds' CSV headers, parents' inferred columns, the
 * warehouse's columns of sources), in dependency order, cached by content hash in {@code target/};
 * findings mapped back to the model file through its template.
 */
package io.smelt.compiler.check;
