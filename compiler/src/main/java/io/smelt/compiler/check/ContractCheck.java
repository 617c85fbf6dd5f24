package io.smelt.compiler.check;

import io.smelt.adapter.Column;
import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.analysis.CalciteTypes;
import io.smelt.compiler.analysis.ColumnType;
import io.smelt.compiler.contract.ContractComparison;
import io.smelt.compiler.contract.ModelContract;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.Node;

import java.util.List;
import java.util.Objects;

/**
 * An enforced contract checked before anything runs, against the columns the SQL check inferred:
 * a declared column the SQL does not select, one it selects that is not declared, or a type of
 * another family (text where a number is declared). Types compare by family only, since Calcite
 * types an expression as no engine exactly does ({@code sum} of integers); the build's own check
 * then compares the engine's exact types. Same comparison and message as the build's
 * ({@link ContractComparison}).
 */
final class ContractCheck {
    private ContractCheck() {
    }

    /** The breach as a diagnostic at the first bad column's line in its properties file, or null. */
    static Diagnostic of(Node node, Analysis analysis) {
        if (!ModelContract.enforced(node) || analysis.status() != Analysis.Status.ANALYSED) {
            return null;
        }
        ModelContract contract = ModelContract.of(node);
        List<Column> returned = analysis.columns().stream().map(ContractCheck::column).toList();
        List<ContractComparison.Breach> breaches = ContractComparison.compare(contract.declared(), returned,
                ContractCheck::sameFamily);
        if (breaches.isEmpty()) {
            return null;
        }
        SourcePosition at = contract.columns().stream()
                .filter(c -> c.name().equalsIgnoreCase(breaches.get(0).column()))
                .map(ColumnInfo::at).filter(Objects::nonNull).findFirst()
                .orElse(node.patchPath() != null ? SourcePosition.of(node.patchPath()) : SourcePosition.of(node.originalFilePath()));
        return new Diagnostic(ErrorKind.SQL, at, ContractComparison.message(node.name(), breaches),
                "make the SQL select the declared columns, or change the contract; the SQL check found this before anything ran");
    }

    private static Column column(ColumnType c) {
        return new Column(c.name(), c.type() == null ? "ANY" : c.type());
    }

    private static boolean sameFamily(String declared, String returned) {
        String a = CalciteTypes.family(declared);
        String b = CalciteTypes.family(returned);
        return a == null || b == null || a.equals(b);
    }
}
