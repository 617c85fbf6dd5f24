package io.smelt.adapter.testing;

import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.Session;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared machinery for the project-level contract tests: whole fixture projects built on the
 * engine under test, with what the engine holds afterwards read back. Engine modules subclass the
 * suites ({@link BaseProjectContractTest}) and say how to reach their engine.
 */
public abstract class BaseProjectTest {
    @TempDir
    protected Path tempDir;

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String uniqueSchema = "smelt_t" + ProcessHandle.current().pid() % 10000 + "_" + SCHEMAS.incrementAndGet();

    /** The engine under test, as its module names it. */
    protected TestEngine engine() {
        return TestEngine.current();
    }

    /** The profile target fields that reach the engine under test, with {@code schema} set to {@code schema}. */
    protected Map<String, Object> targetFields(Path workDir, String schema) {
        return engine().targetFields(workDir, schema);
    }

    /** The schema every test project builds into: one per test on an engine whose server tests share. */
    protected String schema() {
        return engine().sharedServer() ? uniqueSchema : "main";
    }

    @AfterEach
    void dropTestSchemas() {
        if (engine().sharedServer()) {
            engine().dropSchemas(tempDir, schema());
        }
    }

    protected Path project(String name) {
        return TestingProjects.copy(name, tempDir, targetFields(tempDir, schema()));
    }

    protected Workspace load(Path project) {
        return load(project, null, Map.of());
    }

    protected Workspace load(Path project, String varsYaml, Map<String, String> environment) {
        return load(project, varsYaml, environment, null);
    }

    /** @param threads {@code --threads}, or null for the profile's */
    protected Workspace load(Path project, String varsYaml, Map<String, String> environment, Integer threads) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("HOME", tempDir.toString());
        return Workspace.load(new ProjectOptions(project, project, null, null, varsYaml, threads, env), RunListener.NONE);
    }

    /** Writes a file of a copied fixture, such as a model whose SQL a test changes. */
    protected static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected RunSummary run(Workspace workspace, Command command, String... select) {
        return run(workspace, command, false, select);
    }

    protected RunSummary run(Workspace workspace, Command command, boolean fullRefresh, String... select) {
        Selection selection = new Selection(List.of(select), List.of(), null);
        return workspace.execute(new Invocation(command, selection, fullRefresh, false), RunListener.NONE);
    }

    /** Rows of a query, each value as the engine returned it. */
    protected List<List<Object>> query(Workspace workspace, String sql) {
        try (Session session = workspace.openSession()) {
            QueryResult result = session.execute(sql, true, -1);
            return result.rows();
        }
    }

    /**
     * One column of a statement's result, by name, each value as {@link #text}: for statements that
     * cannot be selected from, such as Spark's {@code DESCRIBE DETAIL}.
     */
    protected List<String> column(Workspace workspace, String sql, String name) {
        try (Session session = workspace.openSession()) {
            QueryResult result = session.execute(sql, true, -1);
            List<String> names = result.columns().stream().map(c -> c.name()).toList();
            assertThat(names).as("columns of " + sql).contains(name);
            int index = names.indexOf(name);
            return result.rows().stream().map(row -> text(row.get(index))).toList();
        }
    }

    /** Rows of a query, each as its values' {@link #text} joined with {@code |}. */
    protected List<String> rows(Workspace workspace, String sql) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : query(workspace, sql)) {
            out.add(String.join("|", row.stream().map(BaseProjectTest::text).toList()));
        }
        return out;
    }

    protected Object scalar(Workspace workspace, String sql) {
        List<List<Object>> rows = query(workspace, sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0).get(0);
    }

    protected long count(Workspace workspace, String relationName) {
        return ((Number) scalar(workspace, "select count(*) from " + relation(workspace, relationName))).longValue();
    }

    protected String relation(Workspace workspace, String name) {
        String rendered = workspace.relationName(name);
        assertThat(rendered).as("relation of " + name).isNotNull();
        return rendered;
    }

    /** The database of the node with this name, as the manifest has it (null where the engine has none). */
    protected static String database(Workspace workspace, String name) {
        return workspace.manifest().nodes().values().stream().filter(n -> n.name().equals(name)).findFirst()
                .map(n -> n.database()).orElse(null);
    }

    /** The relation's kind as the engine's catalog reports it, or empty when it does not exist. */
    protected Optional<RelationType> kind(Workspace workspace, String database, String schema, String identifier) {
        try (Session session = workspace.openSession()) {
            for (Relation relation : session.listRelations(database, schema)) {
                if (relation.identifier().equalsIgnoreCase(identifier)) {
                    return Optional.ofNullable(relation.type());
                }
            }
        }
        return Optional.empty();
    }

    protected static NodeResult result(RunSummary summary, String name) {
        return summary.results().stream().filter(r -> r.node().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + name + " in " + names(summary)));
    }

    protected static List<String> names(RunSummary summary) {
        List<String> names = new ArrayList<>();
        summary.results().forEach(r -> names.add(r.node().name() + "=" + r.status() + (r.status() == NodeStatus.ERROR ? "(" + r.message() + ")" : "")));
        return names;
    }

    protected static void assertSucceeded(RunSummary summary) {
        assertThat(summary.success()).as("every node succeeds: %s", names(summary)).isTrue();
    }

    /**
     * A value as text for comparing with CSV fixtures and across engines: numbers without trailing
     * zeros (so {@code decimal(10,2)} 80.80, {@code decimal(38,2)} 80.8 and the double 80.8 agree),
     * timestamps as {@code yyyy-MM-dd HH:mm:ss} with the fraction's trailing zeros removed (engines
     * of different precision agree), booleans as {@code true}/{@code false}, null as empty.
     */
    protected static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.toLocalDate() + " " + time(timestamp.toLocalTime());
        }
        if (value instanceof LocalTime time) {
            return time(time);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static String time(LocalTime time) {
        String text = String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        if (time.getNano() == 0) {
            return text;
        }
        return text + "." + String.format(Locale.ROOT, "%09d", time.getNano()).replaceAll("0+$", "");
    }

    protected static String csvText(String value) {
        if (value.isEmpty()) {
            return "";
        }
        try {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        }
        catch (NumberFormatException e) {
            return value;
        }
    }
}
