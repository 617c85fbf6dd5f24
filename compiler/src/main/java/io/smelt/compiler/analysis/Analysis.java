package io.smelt.compiler.analysis;

import java.util.List;
import java.util.Map;

/**
 * What analysing one query gave: its output columns when it validated, the finding that stopped it,
 * or why it was not analysed (SQL the analyser cannot parse or type is never an error).
 * {@code lineage} maps each output column to the upstream columns that feed it.
 */
public record Analysis(Status status, List<ColumnType> columns, Finding finding, String reason,
        Map<String, List<ColumnOrigin>> lineage) {
    public enum Status { ANALYSED, FINDING, NOT_ANALYSED }

    public Analysis {
        columns = columns == null ? List.of() : columns;
        lineage = lineage == null ? Map.of() : lineage;
    }

    public static Analysis analysed(List<ColumnType> columns, Map<String, List<ColumnOrigin>> lineage) {
        return new Analysis(Status.ANALYSED, List.copyOf(columns), null, null, lineage);
    }

    public static Analysis finding(Finding finding) {
        return new Analysis(Status.FINDING, List.of(), finding, null, Map.of());
    }

    public static Analysis notAnalysed(String reason) {
        return new Analysis(Status.NOT_ANALYSED, List.of(), null, reason, Map.of());
    }
}
