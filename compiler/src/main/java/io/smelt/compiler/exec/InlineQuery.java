package io.smelt.compiler.exec;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.jinja.Template;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.Scope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dbt's inline node ({@code show --inline}, {@code compile --inline}): SQL given on the command line,
 * compiled in the project's context (refs, sources, macros, vars) as an operation named
 * {@code inline_query}. Its errors point into the given text, shown as {@code <inline>}.
 */
final class InlineQuery {
    static final String NAME = "inline_query";
    static final Path DISPLAY = Path.of("<inline>");

    private InlineQuery() {
    }

    static CompiledNode compile(LoadedProject project, NodeRunner runner, String sql, Scope scope) {
        String pkg = project.rootPackage();
        Node node = new Node("sql_operation." + pkg + "." + NAME, ResourceType.OPERATION, pkg, NAME, Path.of(NAME + ".sql"), null,
                List.of(pkg, NAME), sql, NodeConfig.EMPTY, null, null, null, null, null, null, null, null, null, null, null, null);
        try {
            Template template = project.engine().parse(pkg, DISPLAY, sql);
            return runner.compiler().compile(node, template, scope);
        }
        catch (SmeltException e) {
            throw withExcerpts(e, sql);
        }
    }

    /** The text has no file to open, so each error in it quotes its line, with a caret under the column when known. */
    static SmeltException withExcerpts(SmeltException e, String sql) {
        String[] lines = sql.split("\\R", -1);
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean changed = false;
        for (Diagnostic d : e.diagnostics()) {
            SourcePosition at = d.at();
            if (at != null && DISPLAY.equals(at.file()) && at.line() >= 1 && at.line() <= lines.length) {
                String prefix = "  " + at.line() + " | ";
                String excerpt = System.lineSeparator() + prefix + lines[at.line() - 1];
                if (at.column() >= 1) {
                    excerpt += System.lineSeparator() + " ".repeat(prefix.length() + at.column() - 1) + "^";
                }
                diagnostics.add(new Diagnostic(d.kind(), at, d.message() + excerpt, d.hint()));
                changed = true;
            } else {
                diagnostics.add(d);
            }
        }
        return changed ? new SmeltException(diagnostics, e) : e;
    }
}
