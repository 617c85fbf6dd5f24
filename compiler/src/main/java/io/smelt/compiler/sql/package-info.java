/**
 * Lexical work on rendered SQL that needs no parser: splitting a script into statements and finding a
 * leading {@code with}, aware of quotes, dollar-quoted bodies and comments.
 */
package io.smelt.compiler.sql;
