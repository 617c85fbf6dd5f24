/**
 * The compiler's front door: a {@code Workspace} loads a project and offers every command the CLI runs
 * (parse, compile, run, build, test, seed, snapshot, show, run-operation, deps, debug, clean).
 */
package io.smelt.compiler.workspace;
