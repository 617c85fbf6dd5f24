/**
 * Errors in the user's input: a {@link io.smelt.compiler.diag.Diagnostic} says what is wrong and where
 * ({@link io.smelt.compiler.diag.SourcePosition}, 1-based), its {@link io.smelt.compiler.diag.ErrorKind}
 * decides the exit code, and {@link io.smelt.compiler.diag.SmeltException} carries them to the CLI.
 */
package io.smelt.compiler.diag;
