package io.smelt.compiler.analysis;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.avatica.util.TimeUnit;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code a - b} of two dates or timestamps, which all three engines accept and standard SQL (so Calcite)
 * writes only as {@code (a - b) DAY}. A date minus a date is a count of days (BIGINT) or a day interval,
 * as the dialect says ({@link SqlDialect#dateDifferenceInDays}); any other pair of datetimes is an
 * interval everywhere. Calcite's own minus types everything else, so numbers and intervals keep its rules.
 */
final class DatetimeMinus {
    private static final Map<SqlDialect, SqlMonotonicBinaryOperator> OPERATORS = new EnumMap<>(SqlDialect.class);

    static {
        for (SqlDialect dialect : SqlDialect.values()) {
            OPERATORS.put(dialect, new SqlMonotonicBinaryOperator("-", SqlKind.MINUS, 40, true,
                    binding -> returnType(binding, dialect), InferTypes.FIRST_KNOWN,
                    OperandTypes.or(OperandTypes.MINUS_OPERATOR,
                            OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME))));
        }
    }

    private DatetimeMinus() {
    }

    /**
     * The dialect's minus. Calcite looks a binary operator up again by name when it types a call, so this
     * one, listed before the standard operators, is the one every {@code -} gets.
     */
    static SqlOperator operator(SqlDialect dialect) {
        return OPERATORS.get(dialect);
    }

    private static RelDataType returnType(SqlOperatorBinding binding, SqlDialect dialect) {
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        if (!isDatetime(left) || !isDatetime(right)) {
            return SqlStdOperatorTable.MINUS.getReturnTypeInference().inferReturnType(binding);
        }
        RelDataTypeFactory types = binding.getTypeFactory();
        boolean dates = left.getSqlTypeName() == SqlTypeName.DATE && right.getSqlTypeName() == SqlTypeName.DATE;
        RelDataType type = dates && dialect.dateDifferenceInDays()
                ? types.createSqlType(SqlTypeName.BIGINT)
                : types.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, dates ? TimeUnit.DAY : TimeUnit.SECOND, SqlParserPos.ZERO));
        return types.createTypeWithNullability(type, left.isNullable() || right.isNullable());
    }

    private static boolean isDatetime(RelDataType type) {
        return SqlTypeFamily.DATETIME.getTypeNames().contains(type.getSqlTypeName());
    }
}
