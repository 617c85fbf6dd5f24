package io.smelt.adapter;

/**
 * What an engine does with one kind of model-contract constraint (dbt's {@code ConstraintSupport}):
 * checks it on every write, accepts it in DDL without checking it, or cannot write it at all.
 */
public enum ConstraintSupport {
    ENFORCED, NOT_ENFORCED, NOT_SUPPORTED
}
