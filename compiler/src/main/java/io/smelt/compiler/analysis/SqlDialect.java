package io.smelt.compiler.analysis;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CharLiteralStyle;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL dialects Smelt reads: each engine's, named as the profile's {@code type} and as a model's
 * {@code dialect} config. Knows how each quotes identifiers and strings, which is all the parser needs.
 */
public enum SqlDialect {
    /** A date minus a date is a number of days. */
    DUCKDB('"', true),
    TRINO('"', false),
    /** Backticks quote identifiers; single and double quotes both make strings, with backslash escapes. */
    SPARK('`', false);

    private final char identifierQuote;
    private final boolean dateDifferenceInDays;

    SqlDialect(char identifierQuote, boolean dateDifferenceInDays) {
        this.identifierQuote = identifierQuote;
        this.dateDifferenceInDays = dateDifferenceInDays;
    }

    /** Whether {@code date - date} is a count of days (else a day interval). */
    public boolean dateDifferenceInDays() {
        return dateDifferenceInDays;
    }

    /** The dialect of this name (an engine's type or a {@code dialect} config), if Smelt reads it. */
    public static Optional<SqlDialect> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.configName().equals(lower)).findFirst();
    }

    /** The name a {@code dialect} config gives: {@code duckdb}, {@code trino}, {@code spark}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public char identifierQuote() {
        return identifierQuote;
    }

    /** Whether a double-quoted token is a string (Spark) rather than an identifier. */
    public boolean doubleQuotedStrings() {
        return this == SPARK;
    }

    /** Whether a backslash escapes the next character inside a string literal. */
    public boolean backslashEscapes() {
        return this == SPARK;
    }

    SqlParser.Config parserConfig(boolean babel) {
        SqlParser.Config config = SqlParser.config()
                .withParserFactory(babel ? SqlBabelParserImpl.FACTORY : SqlParserImpl.FACTORY)
                .withQuotedCasing(Casing.UNCHANGED)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false)
                .withIdentifierMaxLength(4096)
                .withConformance(SqlConformanceEnum.LENIENT);
        if (this == SPARK) {
            return config.withQuoting(Quoting.BACK_TICK_BACKSLASH)
                    .withCharLiteralStyles(Set.of(CharLiteralStyle.BQ_SINGLE, CharLiteralStyle.BQ_DOUBLE));
        }
        return config.withQuoting(Quoting.DOUBLE_QUOTE);
    }
}
