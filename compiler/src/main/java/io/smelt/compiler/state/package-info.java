/**
 * A previous run to compare with ({@code --state DIR}, {@code --defer-state DIR}): its manifest.json
 * (Smelt's or dbt-core's v12), run_results.json and sources.json, read as they are needed.
 */
package io.smelt.compiler.state;
