/**
 * dbt's artifacts, written so that tools built for dbt read them: {@code manifest.json} (v12) and
 * {@code run_results.json} (v6), and the {@code graph} context variable built from the same node JSON.
 */
package io.smelt.compiler.artifact;
