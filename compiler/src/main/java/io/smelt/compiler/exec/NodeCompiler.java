package io.smelt.compiler.exec;

import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.context.BatchWindow;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.ExecutionScope;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.sql.SqlStatements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a node at execution time, translates it from its {@code dialect} to the engine's (each
 * ephemeral model from its own), and inlines the ephemeral models it refers to as CTEs. What is
 * written to target/compiled is the translated SQL, the SQL that runs.
 */
public final class NodeCompiler {
    private final LoadedProject project;
    private final ModelTranslation translation;

    NodeCompiler(LoadedProject project) {
        this.project = project;
        this.translation = new ModelTranslation(project.adapter().type());
    }

    CompiledNode compile(Node node, ExecutionScope scope) {
        return compile(node, project.template(node), scope);
    }

    /** Compiles one batch of a microbatch model; {@code replacing} when the batch rebuilds the table. */
    CompiledNode compileBatch(Node node, ExecutionScope scope, BatchWindow batch, boolean replacing) {
        return compile(node, DbtContext.forBatch(project, node, scope, batch, replacing), project.template(node), scope);
    }

    /** Compiles a node whose template is not the project's, such as an inline query for {@code show}. */
    CompiledNode compile(Node node, io.smelt.compiler.jinja.Template template, ExecutionScope scope) {
        return compile(node, DbtContext.forExecution(project, node, scope), template, scope);
    }

    private CompiledNode compile(Node node, DbtContext context, io.smelt.compiler.jinja.Template template, ExecutionScope scope) {
        String sql = translation.translate(node, render(node, template, context));
        Map<String, String> ctes = new LinkedHashMap<>();
        for (Node ephemeral : context.ephemerals()) {
            collect(ephemeral, scope, ctes);
        }
        String compiled = inject(sql, ctes);
        Path path = write(project.targetPath().resolve("compiled"), node, compiled);
        return new CompiledNode(node, compiled, context, path);
    }

    /**
     * Renders a model with a unit test's context; {@code fixtures} (CTE name to its SQL) come first in
     * the {@code with}, then the ephemeral models it reads. Writes nothing.
     */
    String renderForUnitTest(Node model, DbtContext context, Map<String, String> fixtures, ExecutionScope scope) {
        String sql = translation.translate(model, render(model, project.template(model), context));
        Map<String, String> ctes = new LinkedHashMap<>(fixtures);
        for (Node ephemeral : context.ephemerals()) {
            collect(ephemeral, scope, ctes);
        }
        return inject(sql, ctes);
    }

    private String render(Node node, io.smelt.compiler.jinja.Template template, DbtContext context) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (node.testMetadata() != null) {
            extra.put("_dbt_generic_test_kwargs", GenericTestKwargs.resolve(project, node, context));
        }
        return project.engine().render(template, context.globals(extra)).strip();
    }

    private void collect(Node ephemeral, ExecutionScope scope, Map<String, String> ctes) {
        String name = "__dbt__cte__" + ephemeral.name();
        if (ctes.containsKey(name)) {
            return;
        }
        DbtContext context = DbtContext.forExecution(project, ephemeral, scope);
        String sql = translation.translate(ephemeral, render(ephemeral, project.template(ephemeral), context));
        for (Node inner : context.ephemerals()) {
            collect(inner, scope, ctes);
        }
        ctes.put(name, sql);
    }

    static String inject(String sql, Map<String, String> ctes) {
        if (ctes.isEmpty()) {
            return sql;
        }
        StringBuilder with = new StringBuilder();
        ctes.forEach((name, body) -> {
            if (with.length() > 0) {
                with.append(",\n");
            }
            with.append(name).append(" as (\n").append(body).append("\n)");
        });
        int at = SqlStatements.leadingWith(sql);
        if (at >= 0) {
            return sql.substring(0, at) + "with " + with + ",\n" + sql.substring(at + 4).stripLeading();
        }
        return "with " + with + "\n" + sql;
    }

    /** Where a node's SQL goes under {@code root}: {@code <package>/<original path>}, as dbt lays out target/compiled. */
    static Path path(Path root, Node node) {
        Path relative = node.originalFilePath() == null ? Path.of(node.name() + ".sql") : node.originalFilePath();
        if (node.testMetadata() != null || node.unitTest() != null) {
            // dbt's layout: target/compiled/<package>/models/schema.yml/<test>.sql
            relative = relative.resolve(node.fileName() + ".sql");
        }
        else if (node.sharesItsFile()) {
            relative = relative.resolve(node.name() + ".sql");
        }
        return root.resolve(node.packageName()).resolve(relative);
    }

    /** Writes {@code root/<package>/<original path>}, as dbt lays out target/compiled and target/run. */
    static Path write(Path root, Node node, String sql) {
        Path file = path(root, node);
        try {
            // a file an older layout left where a folder now goes (target/ is Smelt's own) gives way
            for (Path folder = file.getParent(); folder != null && folder.startsWith(root); folder = folder.getParent()) {
                if (Files.isRegularFile(folder)) {
                    Files.delete(folder);
                }
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
