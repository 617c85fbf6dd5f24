package io.smelt.adapter;

import java.util.Locale;

/** The kind of a relation in the engine's catalog. */
public enum RelationType {
    TABLE, VIEW, CTE, EXTERNAL, MATERIALIZED_VIEW;

    /** The name dbt uses ({@code table}, {@code view}, ...). */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
