package io.smelt.compiler.check;

import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.analysis.ColumnType;
import io.smelt.compiler.analysis.Finding;
import io.smelt.compiler.analysis.InputTable;
import io.smelt.compiler.analysis.SqlAnalyzer;
import io.smelt.compiler.analysis.SqlDialect;
import io.smelt.compiler.analysis.SqlFingerprint;
import io.smelt.compiler.analysis.SqlParsing;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.SourceCall;
import io.smelt.compiler.load.LoadedProject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Analyses every model of a project in dependency order: a model's inputs are its parents' inferred
 * columns, seeds' CSV headers and the warehouse's columns of sources. A model whose inputs are not
 * all known, whose SQL depends on the warehouse, or that Calcite cannot parse or type is not
 * analysed, and its children lose that parent's columns: never a guess.
 */
public final class ProjectAnalysis {
    private final LoadedProject project;
    private final DependencyGraph graph;
    private final WarehouseColumns warehouse;
    private final AnalysisCache cache;
    /** Made on the first analysis the cache does not hold: Calcite's operator tables take a while to load. */
    private volatile SqlAnalyzer analyzer;
    private final Map<String, Analysis> results = new ConcurrentHashMap<>();
    private final Map<String, List<ColumnType>> warehouseColumns = new ConcurrentHashMap<>();
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
    private final StaticRender staticRender;

    private ProjectAnalysis(LoadedProject project, DependencyGraph graph, WarehouseColumns warehouse, AnalysisCache cache) {
        this.project = project;
        this.graph = graph;
        this.warehouse = warehouse;
        this.cache = cache;
        this.staticRender = new StaticRender(project.manifest().macros());
    }

    /** What was found: each model's analysis by unique id, and the findings as diagnostics at the model files. */
    /**
     * @param fingerprints each model's {@link SqlFingerprint} by unique id (those whose SQL parses),
     *        for {@code state:modified} to tell a change of layout from a change of meaning
     */
    public record Result(Map<String, Analysis> byNode, Map<String, Diagnostic> findings, Map<String, String> fingerprints) {
        public long analysed() {
            return byNode.values().stream().filter(a -> a.status() != Analysis.Status.NOT_ANALYSED).count();
        }

        public Map<String, String> notAnalysed() {
            Map<String, String> reasons = new TreeMap<>();
            byNode.forEach((id, a) -> {
                if (a.status() == Analysis.Status.NOT_ANALYSED) {
                    reasons.put(id, a.reason());
                }
            });
            return reasons;
        }
    }

    /** Analyses the project's models; null when Smelt reads no SQL dialect of this engine. */
    public static Result analyse(LoadedProject project, DependencyGraph graph, WarehouseColumns warehouse) {
        return analyse(project, graph, warehouse, null);
    }

    /**
     * As {@link #analyse(LoadedProject, DependencyGraph, WarehouseColumns)}, for the models of
     * {@code scope} and every model they read only ({@code compile -s one_model} in a big project
     * analyses what that model needs); null for every model.
     */
    public static Result analyse(LoadedProject project, DependencyGraph graph, WarehouseColumns warehouse, Set<String> scope) {
        SqlDialect engine = SqlDialect.named(project.adapter().type()).orElse(null);
        if (engine == null) {
            return null;
        }
        AnalysisCache cache = AnalysisCache.load(project.targetPath());
        Set<String> closed = null;
        if (scope != null) {
            closed = new java.util.HashSet<>(scope);
            for (String id : scope) {
                if (graph.contains(id)) {
                    closed.addAll(graph.ancestors(id));
                }
            }
        }
        ProjectAnalysis analysis = new ProjectAnalysis(project, graph, warehouse, cache);
        Result result = analysis.run(engine, closed);
        // a partial analysis keeps the other models' cached analyses for the next full one
        cache.save(closed != null);
        return result;
    }

    private Result run(SqlDialect engine, Set<String> scope) {
        Map<String, Integer> levels = new HashMap<>();
        Map<Integer, List<Node>> byLevel = new TreeMap<>();
        for (String id : graph.topologicalOrder()) {
            Node node = graph.node(id);
            if (node.resourceType() != ResourceType.MODEL || (scope != null && !scope.contains(id))) {
                continue;
            }
            int level = 0;
            for (String parent : graph.parents(id)) {
                level = Math.max(level, levels.getOrDefault(parent, -1) + 1);
            }
            levels.put(id, level);
            byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(node);
        }
        for (List<Node> wave : byLevel.values()) {
            wave.parallelStream().forEach(node -> results.put(node.uniqueId(), analyse(node, engine)));
        }
        Map<String, Diagnostic> findings = new TreeMap<>();
        results.forEach((id, a) -> {
            if (a.status() == Analysis.Status.FINDING) {
                findings.put(id, diagnostic(graph.node(id), a.finding()));
            }
            Diagnostic breach = ContractCheck.of(graph.node(id), a);
            if (breach != null) {
                findings.put(id, breach);
            }
        });
        return new Result(new TreeMap<>(results), findings, new TreeMap<>(fingerprints));
    }

    /**
     * The relation names of a model written in another dialect than the engine's, quoted as its own
     * dialect quotes them: {@code ref} and {@code source} render for the engine ({@code "db"."s"."x"}),
     * which Spark would read as strings. Same length, so positions stay.
     */
    private String inDialect(String sql, Node node, SqlDialect engine, SqlDialect dialect) {
        if (sql == null || dialect == engine || dialect.identifierQuote() == engine.identifierQuote()) {
            return sql;
        }
        List<io.smelt.adapter.Relation> relations = new ArrayList<>();
        node.refs().forEach(ref -> relations.add(new io.smelt.adapter.Relation(node.database(), node.schema(), ref.name(), null)));
        node.sources().forEach(src -> relations.add(new io.smelt.adapter.Relation(null, src.sourceName(), src.tableName(), null)));
        String out = sql;
        for (io.smelt.adapter.Relation relation : relations) {
            String rendered = project.adapter().render(relation);
            out = out.replace(rendered, rendered.replace(engine.identifierQuote(), dialect.identifierQuote()));
        }
        return out;
    }

    /** A model's fingerprint computed now (for the few models whose code changed), or null. */
    public static String fingerprintOf(LoadedProject project, Node node) {
        String sql = project.parseSql(node);
        SqlDialect engine = SqlDialect.named(project.adapter().type()).orElse(null);
        if (sql == null || sql.isBlank() || engine == null) {
            return null;
        }
        return SqlFingerprint.of(sql, dialectOf(node, engine), node.database(), node.schema());
    }

    private static SqlDialect dialectOf(Node node, SqlDialect engine) {
        return SqlDialect.named(String.valueOf(node.config().get("dialect"))).orElse(engine);
    }

    private SqlAnalyzer analyzer() {
        SqlAnalyzer a = analyzer;
        if (a == null) {
            synchronized (this) {
                if (analyzer == null) {
                    analyzer = new SqlAnalyzer();
                }
                a = analyzer;
            }
        }
        return a;
    }

    private Analysis analyse(Node node, SqlDialect engine) {
        if (Boolean.FALSE.equals(node.config().get("sql_check")) || "false".equals(String.valueOf(node.config().get("sql_check")))) {
            return Analysis.notAnalysed("sql_check is false");
        }
        if (node.config().get("language") != null && !"sql".equals(String.valueOf(node.config().get("language")))) {
            return Analysis.notAnalysed("not a SQL model");
        }
        SqlDialect dialect = dialectOf(node, engine);
        String sql = inDialect(project.parseSql(node), node, engine, dialect);
        if (sql == null || sql.isBlank()) {
            return Analysis.notAnalysed("renders no SQL while parsing");
        }
        // parsed at most once, for the fingerprint and the analysis alike (each is cached on its own)
        SqlParsing.Parsed[] parsed = new SqlParsing.Parsed[1];
        Supplier<SqlParsing.Parsed> parse = () -> {
            if (parsed[0] == null) {
                try {
                    parsed[0] = SqlParsing.parse(sql, dialect);
                }
                catch (SqlParsing.Failure e) {
                    return null;
                }
            }
            return parsed[0];
        };
        String fingerprint = cache.fingerprint(dialect, sql, node.database(), node.schema(), () -> {
            SqlParsing.Parsed p = parse.get();
            return p == null ? null : SqlFingerprint.of(p.node(), node.database(), node.schema());
        });
        if (fingerprint != null) {
            fingerprints.put(node.uniqueId(), fingerprint);
        }
        String dynamic = staticRender.dynamicBecause(node);
        if (dynamic != null) {
            return Analysis.notAnalysed("its SQL depends on the warehouse: " + dynamic);
        }
        List<InputTable> inputs = new ArrayList<>();
        String missing = inputs(node, inputs);
        if (missing != null) {
            return Analysis.notAnalysed(missing);
        }
        return cache.get(dialect, sql, inputs, () -> {
            // the fingerprint leaves the tree as it was (it copies what it changes), so it is still the parse's
            SqlParsing.Parsed p = parsed[0];
            return p == null ? analyzer().analyse(sql, dialect, inputs) : analyzer().analyse(p, dialect, inputs);
        });
    }

    /** Fills {@code inputs} with what the model reads; returns why not when one is unknown. */
    private String inputs(Node node, List<InputTable> inputs) {
        Map<String, InputTable> byOrigin = new LinkedHashMap<>();
        for (RefCall ref : node.refs()) {
            Node parent = project.resolveRef(node, ref.packageName(), ref.name(), ref.version());
            if (parent == null) {
                return "ref('" + ref.name() + "') is not in the project";
            }
            List<ColumnType> columns = columnsOf(parent);
            if (columns == null) {
                return "the columns of " + parent.name() + " are not known" + why(parent)
                        + (parent.resourceType() == ResourceType.MODEL && results.get(parent.uniqueId()) != null
                                && results.get(parent.uniqueId()).status() == Analysis.Status.ANALYSED
                                ? " (materialized as " + parent.materialized() + ", which may write other columns than its SQL selects)" : "");
            }
            List<List<String>> paths = new ArrayList<>();
            addPaths(paths, node.database(), node.schema(), ref.name());
            InputTable before = byOrigin.get(parent.uniqueId());
            if (before != null) {
                paths.addAll(before.paths());
            }
            byOrigin.put(parent.uniqueId(), new InputTable(parent.uniqueId(), paths, columns));
        }
        for (SourceCall call : node.sources()) {
            Node source = project.resolveSource(node, call.sourceName(), call.tableName());
            if (source == null) {
                return "source('" + call.sourceName() + "', '" + call.tableName() + "') is not in the project";
            }
            List<ColumnType> columns = warehouseColumnsOf(source);
            if (columns == null) {
                return "the warehouse has no columns for source " + call.sourceName() + "." + call.tableName();
            }
            byOrigin.put(source.uniqueId(), new InputTable(source.uniqueId(),
                    List.of(List.of(call.sourceName(), call.tableName())), columns));
        }
        inputs.addAll(byOrigin.values());
        return null;
    }

    private String why(Node parent) {
        Analysis a = results.get(parent.uniqueId());
        return a != null && a.reason() != null ? " (" + parent.name() + ": " + a.reason() + ")" : "";
    }

    private List<ColumnType> columnsOf(Node parent) {
        return switch (parent.resourceType()) {
            case MODEL -> {
                Analysis a = results.get(parent.uniqueId());
                yield a != null && a.status() == Analysis.Status.ANALYSED ? relationColumns(parent, a.columns()) : null;
            }
            case SEED -> SeedHeader.columns(parent, project.seedFile(parent));
            default -> null;
        };
    }

    /**
     * A model's relation has its SQL's columns when a built-in materialization writes it. An
     * incremental table may also keep columns its SQL no longer selects (on_schema_change ignore or
     * append_new_columns), so the warehouse's are added; a custom materialization may write anything.
     */
    private List<ColumnType> relationColumns(Node model, List<ColumnType> inferred) {
        String materialized = model.materialized();
        if (materialized == null) {
            return inferred;
        }
        switch (materialized) {
            case "view", "table", "ephemeral", "materialized_view" -> {
                return inferred;
            }
            case "incremental", "microbatch" -> {
                List<ColumnType> existing = warehouse.columns(project.relationOf(model));
                if (existing == null || existing.isEmpty()) {
                    return inferred;
                }
                List<ColumnType> all = new ArrayList<>(inferred);
                for (ColumnType column : existing) {
                    if (all.stream().noneMatch(c -> c.name().equalsIgnoreCase(column.name()))) {
                        all.add(column);
                    }
                }
                return all;
            }
            default -> {
                return null;
            }
        }
    }

    private List<ColumnType> warehouseColumnsOf(Node source) {
        return warehouseColumns.computeIfAbsent(source.uniqueId(), id -> {
            List<ColumnType> columns = warehouse.columns(project.relationOf(source));
            return columns == null || columns.isEmpty() ? List.of() : List.copyOf(columns);
        }).isEmpty() ? null : warehouseColumns.get(source.uniqueId());
    }

    private static void addPaths(List<List<String>> paths, String database, String schema, String name) {
        if (database != null && schema != null) {
            paths.add(List.of(database, schema, name));
        }
        if (schema != null) {
            paths.add(List.of(schema, name));
        }
        paths.add(List.of(name));
    }

    private Diagnostic diagnostic(Node node, Finding finding) {
        String sql = project.parseSql(node);
        TemplateLocator.Located at = TemplateLocator.locate(node.rawCode() == null ? sql : node.rawCode(), sql,
                finding.line(), finding.column(), finding.name());
        String message = finding.message() + (at.exact() ? "" : " (line " + finding.line() + " of the SQL the model renders to)");
        return new Diagnostic(ErrorKind.SQL, new SourcePosition(node.originalFilePath(), at.line(), at.column()),
                message, finding.hint());
    }
}
