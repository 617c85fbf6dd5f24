package io.smelt.compiler.analysis;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Calcite's convertlets, except that a call Calcite cannot turn into an expression becomes an opaque
 * call over the operands it can: lineage needs which columns a call reads, not what it computes. The
 * validator accepts functions it does not know (typed ANY); some of them, as {@code TRY_CAST(x AS
 * BIGINT)} parsed as a plain function, name a type as an operand, which Calcite's converter refuses.
 */
final class LineageConvertlets implements SqlRexConvertletTable {
    static final LineageConvertlets INSTANCE = new LineageConvertlets();

    private static final SqlFunction OPAQUE = new SqlFunction("SMELT_OPAQUE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.ANY), null, OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_FUNCTION);

    private LineageConvertlets() {
    }

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
        return (context, c) -> {
            try {
                if (standard != null) {
                    return standard.convertCall(context, c);
                }
            }
            catch (RuntimeException e) {
                // falls through to the opaque call
            }
            return opaque(context, c);
        };
    }

    private static RexNode opaque(SqlRexContext context, SqlCall call) {
        List<RexNode> operands = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null && !(operand instanceof SqlDataTypeSpec) && !(operand instanceof SqlIntervalQualifier)) {
                operands.add(context.convertExpression(operand));
            }
        }
        RelDataType type = context.getValidator().getValidatedNodeTypeIfKnown(call);
        if (type == null) {
            type = context.getTypeFactory().createTypeWithNullability(context.getTypeFactory().createSqlType(SqlTypeName.ANY), true);
        }
        return context.getRexBuilder().makeCall(type, OPAQUE, operands);
    }
}
