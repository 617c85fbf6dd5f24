/**
 * Reading a project's files as dbt reads them: dbt_project.yml, profiles.yml, packages.yml and
 * package-lock.yml, selectors.yml and properties (schema.yml) files, into records with source
 * positions, with Jinja rendered where dbt renders it and dbt's config and var scoping rules.
 */
package io.smelt.compiler.project;
