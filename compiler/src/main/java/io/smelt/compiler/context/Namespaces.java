package io.smelt.compiler.context;

import io.smelt.adapter.Column;
import io.smelt.adapter.Relation;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.result.RunListener;

import java.util.HashMap;
import java.util.Map;

import static io.smelt.compiler.context.DbtContext.arg;

/** dbt's {@code exceptions} and {@code api} namespaces, the same in every mode. */
final class Namespaces {
    private Namespaces() {
    }

    /** dbt's {@code exceptions}: raising fails the render where it is called; {@code warn} reaches the user. */
    static Map<String, Object> exceptions(ContextHost host) {
        Map<String, Object> exceptions = new HashMap<>();
        for (String[] kind : new String[][] {{"raise_compiler_error", "Compilation Error: "},
                {"raise_not_implemented", "Compilation Error: not implemented: "}, {"raise_database_error", "Database Error: "},
                {"raise_dependency_error", "Dependency Error: "}, {"raise_fail_fast_error", "Fail Fast Error: "}}) {
            exceptions.put(kind[0], (JinjaFunction) (args, kwargs) -> {
                throw DbtContext.error(kind[1] + arg(args, kwargs, 0, "msg"), null);
            });
        }
        exceptions.put("warn", (JinjaFunction) (args, kwargs) -> {
            String name = WarnErrorOptions.JINJA_WARNING;
            if (host.warnErrors().includes(name)) {
                throw DbtContext.error("Compilation Error: " + arg(args, kwargs, 0, "msg"), "--warn-error makes exceptions.warn (" + name + ") an error");
            }
            if (!host.warnErrors().silenced(name)) {
                host.listener().message(RunListener.Level.WARN, new SourcePosition(JinjaEngine.currentFile(),
                        JinjaEngine.currentLine(), 0) + ": " + arg(args, kwargs, 0, "msg"));
            }
            return "";
        });
        return exceptions;
    }

    /** dbt's {@code api}: {@code api.Relation.create} and {@code api.Column}. */
    static Map<String, Object> api(ContextHost host) {
        Map<String, Object> relation = Map.of("create", (JinjaFunction) (args, kwargs) -> {
            String identifier = string(arg(args, kwargs, 2, "identifier"));
            Relation created = new Relation(string(arg(args, kwargs, 0, "database")),
                    string(arg(args, kwargs, 1, "schema")), identifier == null ? "" : identifier,
                    RelationObject.typeOf(string(arg(args, kwargs, 3, "type"))));
            return RelationObject.create(created, host.adapter(), (Map<?, ?>) kwargs.get("include_policy"),
                    (Map<?, ?>) kwargs.get("quote_policy"));
        });
        Map<String, Object> column = Map.of(
                "translate_type", (JinjaFunction) (args, kwargs) -> host.adapter().mapType(String.valueOf(arg(args, kwargs, 0, "dtype"))),
                "create", (JinjaFunction) (args, kwargs) -> new ColumnObject(
                        new Column(String.valueOf(arg(args, kwargs, 0, "name")), String.valueOf(arg(args, kwargs, 1, "label_or_dtype"))),
                        host.adapter()));
        return Map.of("Relation", relation, "Column", column);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
