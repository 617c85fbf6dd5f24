package io.smelt.compiler.analysis;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;
import org.apache.calcite.sql.util.SqlShuttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A query's meaning, not its layout: a hash of its parse tree written out in one canonical form, so
 * that formatting, comments, keyword case, unquoted names' case, optional {@code AS} and redundant
 * parentheses do not change it. The model's own database and schema are left out of the names it
 * reads (while parsing, every {@code ref} renders in the referencing model's schema), so the same
 * SQL has the same fingerprint in production and in a pull request's schema.
 */
public final class SqlFingerprint {
    private SqlFingerprint() {
    }

    /** The fingerprint, or null when the SQL does not parse. */
    public static String of(String sql, SqlDialect dialect, String database, String schema) {
        SqlNode node;
        try {
            node = SqlParsing.parse(sql, dialect).node();
        }
        catch (SqlParsing.Failure | RuntimeException e) {
            return null;
        }
        return of(node, database, schema);
    }

    /** The fingerprint of a parsed query (left as it is), or null. */
    public static String of(SqlNode node, String database, String schema) {
        try {
            SqlNode canonical = node.accept(new Canonical(database, schema));
            String text = canonical.toSqlString(c -> c.withDialect(AnsiSqlDialect.DEFAULT).withQuoteAllIdentifiers(true)
                    .withAlwaysUseParentheses(true)).getSql();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    /** Lower-cases unquoted names and drops the model's own database and schema from qualified ones. */
    private static final class Canonical extends SqlShuttle {
        private final String database;
        private final String schema;

        Canonical(String database, String schema) {
            this.database = database;
            this.schema = schema;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < id.names.size(); i++) {
                String name = id.names.get(i);
                names.add(id.isComponentQuoted(i) ? name : name.toLowerCase(Locale.ROOT));
            }
            if (names.size() >= 3 && database != null && schema != null && names.get(0).equalsIgnoreCase(database)
                    && names.get(1).equalsIgnoreCase(schema)) {
                names = names.subList(2, names.size());
            }
            else if (names.size() >= 2 && schema != null && names.get(0).equalsIgnoreCase(schema)) {
                names = names.subList(1, names.size());
            }
            if (id.isStar()) {
                return id;
            }
            return new SqlIdentifier(names, null, id.getParserPosition(), null);
        }
    }
}
