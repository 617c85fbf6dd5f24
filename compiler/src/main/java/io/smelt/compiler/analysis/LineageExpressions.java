package io.smelt.compiler.analysis;

import io.smelt.compiler.analysis.ColumnOrigin.Kind;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexVisitorImpl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The input columns one expression reads, given what feeds each field of its input row: a bare
 * column reference keeps its origins as they are, anything computed makes them transformed. A
 * subquery inside the expression counts with every column it reads, its filters and join keys too.
 */
final class LineageExpressions {
    private final ColumnLineage lineage;
    private final List<Set<ColumnOrigin>> fields;

    LineageExpressions(ColumnLineage lineage, List<Set<ColumnOrigin>> fields) {
        this.lineage = lineage;
        this.fields = fields;
    }

    Set<ColumnOrigin> origins(RexNode expression) {
        if (expression instanceof RexInputRef ref) {
            return fields.get(ref.getIndex());
        }
        if (expression instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable variable) {
            return lineage.correlation(variable.id).get(access.getField().getIndex());
        }
        Set<ColumnOrigin> read = new LinkedHashSet<>();
        expression.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitInputRef(RexInputRef ref) {
                read.addAll(fields.get(ref.getIndex()));
                return null;
            }

            @Override
            public Void visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable variable) {
                    read.addAll(lineage.correlation(variable.id).get(access.getField().getIndex()));
                    return null;
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public Void visitSubQuery(RexSubQuery subQuery) {
                ColumnLineage.Flow flow = lineage.flow(subQuery.rel);
                flow.fields().forEach(read::addAll);
                read.addAll(flow.rows());
                return super.visitSubQuery(subQuery);
            }
        });
        return ColumnLineage.as(Kind.TRANSFORMED, read);
    }
}
