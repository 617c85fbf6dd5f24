/**
 * The {@code smelt} command line: one picocli class per command ({@code RunCommand}, {@code BuildCommand},
 * ...), the options they share as mixins, and {@code ExitCodes}, the one place that turns an outcome into
 * the process's exit code. The only module that prints.
 */
package io.smelt.cli;
