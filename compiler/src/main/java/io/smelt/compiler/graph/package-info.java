/**
 * The project as a graph: nodes and their configs, the manifest, the dependency graph built by
 * linking {@code ref}/{@code source} calls, and node selection ({@code --select}, selectors).
 */
package io.smelt.compiler.graph;
