package io.smelt.compiler.analysis;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Parses and validates one query against the tables it may read, and infers its output columns.
 * Thread-safe: the type factory and operator table are shared, each call has its own validator.
 * Only findings the engine would certainly refuse are findings (see {@link Findings}); anything else
 * Calcite objects to (a function it types differently, SQL it cannot parse) is "not analysed".
 */
public final class SqlAnalyzer {
    private static final CalciteConnectionConfig CONNECTION;

    static {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CONNECTION = new CalciteConnectionConfigImpl(properties);
    }

    private final JavaTypeFactory types = new JavaTypeFactoryImpl();
    // the STANDARD library holds SqlStdOperatorTable's operators already: chaining both makes every call ambiguous
    private static final SqlOperatorTable LIBRARY = SqlOperatorTables.chain(
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(EnumSet.of(SqlLibrary.STANDARD, SqlLibrary.SPARK)),
            SqlOperatorTables.of(SqlLibraryOperators.CONCAT_FUNCTION, SqlLibraryOperators.INFIX_CAST));
    private final Map<SqlDialect, SqlOperatorTable> operators = new EnumMap<>(SqlDialect.class);

    public SqlAnalyzer() {
        for (SqlDialect dialect : SqlDialect.values()) {
            operators.put(dialect, SqlOperatorTables.chain(SqlOperatorTables.of(DatetimeMinus.operator(dialect)), LIBRARY));
        }
    }
    private final SqlValidator.Config validatorConfig = SqlValidator.Config.DEFAULT
            .withConformance(SqlConformanceEnum.LENIENT)
            .withLenientOperatorLookup(true)
            .withIdentifierExpansion(true)
            .withCallRewrite(false);

    public Analysis analyse(String sql, SqlDialect dialect, List<InputTable> inputs) {
        SqlParsing.Parsed parsed;
        try {
            parsed = SqlParsing.parse(sql, dialect);
        }
        catch (SqlParsing.Failure e) {
            return Analysis.notAnalysed("does not parse as " + dialect.configName() + " SQL at line " + e.line()
                    + ", column " + e.column() + ": " + e.getMessage());
        }
        return analyse(parsed, dialect, inputs);
    }

    /** Analyses a query parsed by {@link SqlParsing#parse}; its tree is validated in place, so it is used up. */
    public Analysis analyse(SqlParsing.Parsed parsed, SqlDialect dialect, List<InputTable> inputs) {
        CalciteCatalogReader reader = new CalciteCatalogReader(InputSchema.of(inputs), List.of(), types, CONNECTION);
        SqlValidator validator = SqlValidatorUtil.newValidator(operators.get(dialect), reader, types, validatorConfig);
        SqlNode validated;
        try {
            validated = validator.validate(parsed.node());
        }
        catch (CalciteContextException e) {
            return Findings.classify(e, parsed, dialect, inputs);
        }
        catch (RuntimeException | StackOverflowError e) {
            return Analysis.notAnalysed("cannot be typed: " + Findings.firstLine(e.getMessage()));
        }
        RelDataType row = validator.getValidatedNodeType(validated);
        List<ColumnType> columns = new ArrayList<>();
        for (RelDataTypeField field : row.getFieldList()) {
            columns.add(new ColumnType(field.getName(), CalciteTypes.name(field.getType())));
        }
        return Analysis.analysed(columns, ColumnLineage.of(validator, reader, validated));
    }
}
