/**
 * {@code smelt deps}, as dbt does it: resolve the declared packages (local folders, git repositories,
 * tarballs and dbt Hub packages with version ranges) to pinned ones, install them under the
 * packages-install-path and keep package-lock.yml in step with packages.yml.
 */
package io.smelt.compiler.deps;
