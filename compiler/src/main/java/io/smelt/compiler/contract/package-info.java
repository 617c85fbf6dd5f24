/**
 * Model contracts ({@code contract: {enforced: true}}): the declared columns and constraints of a
 * model, the checks dbt makes while parsing, the comparison of declared with returned columns (one
 * pure function the build and the compile-time analyser share), and the constraints' DDL as each
 * engine supports them.
 */
package io.smelt.compiler.contract;
