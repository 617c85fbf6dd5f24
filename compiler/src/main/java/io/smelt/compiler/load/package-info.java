/**
 * Loading a project for a command: reading {@code dbt_project.yml}, the profile and the installed
 * packages, parsing every file into the manifest and opening the target's adapter
 * ({@code ProjectLoading}), kept together as a {@code LoadedProject} that the run then works on.
 */
package io.smelt.compiler.load;
