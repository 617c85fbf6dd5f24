/**
 * Column lineage across a project: each model's one-query lineage (from the SQL check's analysis)
 * joined on node unique ids, walked upstream to sources and seeds or downstream to the models that
 * read a column.
 */
package io.smelt.compiler.lineage;
