package io.smelt.compiler.exec;

import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.Scope;
import io.smelt.adapter.Column;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.NameSuggestions;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.TestMetadata;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a generic test's query failed, when the reason is in the properties file: the column it
 * tests is not in the model. Asked only after the engine refused the query, so passing tests cost
 * nothing; the answer points at the test's YAML line with the columns the model has, instead of the
 * engine's message about the compiled SQL.
 */
public final class TestColumnCheck {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TestColumnCheck() {
    }

    /** The error to report instead of the engine's, or null when the column is there (or cannot be checked). */
    static SmeltException missingColumn(LoadedProject project, Scope scope, Node test) {
        TestMetadata metadata = test.testMetadata();
        if (metadata == null || metadata.columnName() == null || metadata.attachedNode() == null
                || !IDENTIFIER.matcher(metadata.columnName()).matches()) {
            return null;
        }
        Node attached = project.manifest().node(metadata.attachedNode());
        if (attached == null) {
            return null;
        }
        List<String> columns;
        try {
            columns = scope.session().columns(project.relationOf(attached)).stream().map(Column::name).toList();
        }
        catch (RuntimeException e) {
            return null;
        }
        String column = metadata.columnName();
        if (columns.isEmpty() || columns.stream().anyMatch(name -> name.equalsIgnoreCase(column))) {
            return null;
        }
        String owner = attached.resourceType().dbtName() + " "
                + (attached.resourceType() == ResourceType.SOURCE ? attached.sourceName() + "." : "") + attached.name();
        String hint = NameSuggestions.hint(column, columns);
        return new SmeltException(ErrorKind.PROJECT, test.definedAt(),
                "test '" + test.name() + "' is on column '" + column + "', which " + owner + " does not have (its columns: "
                        + String.join(", ", columns) + ")",
                hint != null ? hint : "correct the column's name: under columns: in the properties file, or the model's SQL");
    }
}
