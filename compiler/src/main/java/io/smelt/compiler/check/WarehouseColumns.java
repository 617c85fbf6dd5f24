package io.smelt.compiler.check;

import io.smelt.adapter.Relation;
import io.smelt.compiler.analysis.ColumnType;

import java.util.List;

/** The columns of a relation as the warehouse has them now, or null when it has no such relation or is not asked. */
@FunctionalInterface
public interface WarehouseColumns {
    WarehouseColumns NONE = relation -> null;

    List<ColumnType> columns(Relation relation);
}
