package io.smelt.compiler.catalog;

import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.compiler.artifact.ArtifactMetadata;
import io.smelt.compiler.artifact.CatalogTable;
import io.smelt.compiler.artifact.CatalogWriter;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.RelationObject;
import io.smelt.compiler.context.ResultTable;
import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.RelationCache;
import io.smelt.compiler.materialize.Scope;
import io.smelt.compiler.result.RunListener;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Builds catalog.json as dbt's {@code docs generate} does: the relations of the project's models (but
 * ephemeral ones), seeds, snapshots and sources, grouped by database; per database one call of the
 * engine's {@code get_catalog} macro over its schemas (or {@code get_catalog_relations} over the
 * selected relations); each row matched to the nodes and sources of that database, schema and name
 * without case. A database whose catalog cannot be read is an entry in {@code errors}; the others are written.
 */
public final class CatalogGenerator {
    /**
     * What was written.
     *
     * @param nodes how many models, seeds and snapshots catalog.json describes
     * @param sources how many sources it describes
     * @param missing the unique ids asked for whose relation the catalog does not hold (not built yet, or
     *     in a database whose catalog failed); none for an empty catalog
     * @param errors the errors met reading the catalog, one per database that failed
     */
    public record Result(Path file, int nodes, int sources, List<String> missing, List<String> errors) {
        public Result {
            requireNonNull(file, "file is null");
            missing = List.copyOf(missing);
            errors = List.copyOf(errors);
        }
    }

    private final LoadedProject project;

    public CatalogGenerator(LoadedProject project) {
        this.project = requireNonNull(project, "project is null");
    }

    /**
     * Reads the catalog and writes {@code catalog.json} into {@code targetDir}.
     *
     * @param selectedIds the unique ids to describe ({@code --select}), or null for every node and source
     * @param empty write no relations without asking the engine ({@code --empty-catalog})
     */
    public Result write(Set<String> selectedIds, boolean empty, Path targetDir, RunListener listener) {
        Instant startedAt = Instant.now();
        project.invocation(listener, selectedIds == null ? List.of() : List.copyOf(selectedIds),
                Map.of("WHICH", "generate"), WarnErrorOptions.NONE);
        Map<String, List<Node>> byKey = new LinkedHashMap<>();
        Map<String, List<Relation>> byDatabase = new TreeMap<>();
        for (Node node : project.manifest().nodes().values()) {
            if (!node.hasRelation() || (selectedIds != null && !selectedIds.contains(node.uniqueId()))) {
                continue;
            }
            Relation relation = project.relationOf(node);
            List<Node> sameRelation = byKey.computeIfAbsent(CatalogRows.key(relation.database(), relation.schema(),
                    relation.identifier()), k -> new ArrayList<>());
            if (sameRelation.isEmpty()) {
                byDatabase.computeIfAbsent(relation.database() == null ? "" : relation.database(), d -> new ArrayList<>()).add(relation);
            }
            sameRelation.add(node);
        }
        Map<String, CatalogTable> read = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        if (!empty && !byDatabase.isEmpty()) {
            try (Session session = project.adapter().openSession()) {
                Scope scope = new Scope(session, new RelationCache(project.adapter()), false);
                byDatabase.forEach((database, relations) -> {
                    try {
                        read.putAll(readDatabase(scope, database.isEmpty() ? null : database, relations, selectedIds != null));
                    }
                    catch (RuntimeException e) {
                        String message = "catalog of " + (database.isEmpty() ? "the target" : "database " + database)
                                + ": " + e.getMessage();
                        errors.add(message);
                        listener.message(RunListener.Level.WARN, message);
                    }
                });
            }
        }
        Map<String, CatalogTable> nodes = new TreeMap<>();
        Map<String, CatalogTable> sources = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        byKey.forEach((key, matched) -> {
            CatalogTable table = read.get(key);
            for (Node node : matched) {
                if (table == null) {
                    if (!empty) {
                        missing.add(node.uniqueId());
                    }
                }
                else {
                    (node.resourceType() == ResourceType.SOURCE ? sources : nodes).put(node.uniqueId(), table.withUniqueId(node.uniqueId()));
                }
            }
        });
        Path file = targetDir.resolve("catalog.json");
        ArtifactMetadata meta = ArtifactMetadata.of(project.invocationId(), startedAt, project.environment());
        new CatalogWriter(nodes, sources, errors, meta).write(file);
        return new Result(file, nodes.size(), sources.size(), missing, errors);
    }

    private Map<String, CatalogTable> readDatabase(Scope scope, String database, List<Relation> relations, boolean byRelation) {
        DbtContext context = DbtContext.forOperation(project, scope);
        RelationObject informationSchema = RelationObject.informationSchema(database, project.adapter(), null);
        List<Object> argument = new ArrayList<>();
        if (byRelation) {
            relations.forEach(relation -> argument.add(new RelationObject(relation, project.adapter())));
        }
        else {
            relations.stream().map(Relation::schema).distinct().forEach(argument::add);
        }
        Object returned = project.engine().callMacro(project.rootPackage(), byRelation ? "get_catalog_relations" : "get_catalog",
                List.of(informationSchema, argument), Map.of(), context.globals(Map.of()));
        if (!(returned instanceof ResultTable table)) {
            throw new IllegalStateException("the catalog macro returned " + (returned == null ? "nothing" : "'" + returned + "'")
                    + ", not a table: it should end with {{ return(run_query(...)) }}");
        }
        return CatalogRows.read(table.result());
    }
}
