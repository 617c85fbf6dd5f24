package io.smelt.compiler.exec;

import io.smelt.compiler.analysis.DialectTranslator;
import io.smelt.compiler.analysis.SqlDialect;
import io.smelt.compiler.analysis.Untranslatable;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A node's rendered SQL in the engine's dialect: translated when its {@code dialect} config names
 * another one, unchanged (byte for byte) when it names none or the engine's own.
 */
final class ModelTranslation {
    private final Optional<SqlDialect> engine;
    private final String engineName;

    ModelTranslation(String adapterType) {
        this.engine = SqlDialect.named(adapterType);
        this.engineName = adapterType;
    }

    /** The dialect a node's {@code dialect} config names, if it names one (checked when the project is parsed). */
    static Optional<SqlDialect> declared(Node node) {
        Object value = node.config().get("dialect");
        return value == null ? Optional.empty() : SqlDialect.named(String.valueOf(value));
    }

    String translate(Node node, String sql) {
        Optional<SqlDialect> from = declared(node);
        if (from.isEmpty() || engine.equals(from)) {
            return sql;
        }
        Path file = node.originalFilePath();
        if (engine.isEmpty()) {
            throw new SmeltException(ErrorKind.TRANSLATION, file == null ? null : SourcePosition.of(file),
                    "cannot translate " + node.name() + " from " + from.get().configName() + ": Smelt knows no SQL dialect for engine '"
                            + engineName + "'", "remove the dialect config, or run it on duckdb, trino or spark");
        }
        try {
            return DialectTranslator.translate(sql, from.get(), engine.get(), node.rawCode());
        }
        catch (Untranslatable e) {
            String line = sql.lines().skip(e.line() - 1).findFirst().orElse("");
            int modelLine = modelLine(node.rawCode(), line.strip(), e.construct().split(" ")[0].replace("()", ""));
            SourcePosition at = file == null ? null
                    : modelLine > 0 ? SourcePosition.of(file, modelLine) : SourcePosition.of(file);
            String where = modelLine > 0 ? "" : " (line " + e.line() + " of the compiled SQL)";
            throw new SmeltException(ErrorKind.TRANSLATION, at, e.getMessage() + where, e.hint());
        }
    }

    /**
     * The 1-based line of the model file that holds the compiled line (or, failing that, the only line
     * that names the construct), or 0 when that is not one line: Jinja may have built it.
     */
    static int modelLine(String raw, String compiledLine, String construct) {
        int found = onlyLineContaining(raw, compiledLine, false);
        return found > 0 ? found : onlyLineContaining(raw, construct, true);
    }

    private static int onlyLineContaining(String raw, String text, boolean ignoreCase) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String needle = ignoreCase ? text.toLowerCase(java.util.Locale.ROOT) : text;
        int found = 0;
        int number = 0;
        for (String line : raw.split("\n", -1)) {
            number++;
            String hay = ignoreCase ? line.toLowerCase(java.util.Locale.ROOT) : line;
            if (hay.contains(needle)) {
                if (found > 0) {
                    return 0;
                }
                found = number;
            }
        }
        return found;
    }
}
