package io.smelt.compiler.graph;

import io.smelt.compiler.diag.SourcePosition;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A model, seed, source, test, analysis or snapshot: what the parse phase found and where it lands.
 *
 * @param uniqueId dbt's id: {@code model.<pkg>.<name>}, {@code source.<pkg>.<source>.<table>}, ...
 * @param originalFilePath file relative to the package root ({@code models/gold/x.sql}); for
 *     sources and generic tests the YAML file that declares them
 * @param patchPath the schema.yml that documents a model or seed, or null
 * @param fqn dbt's fully qualified name ({@code [pkg, folder..., name]})
 * @param rawCode the Jinja SQL; for generic tests a template that calls the test macro; empty for
 *     seeds and sources
 * @param refs {@code ref()} calls found while parsing
 * @param sources {@code source()} calls found while parsing
 * @param dependsOn unique ids of the nodes this one reads, filled in when the graph is linked
 * @param database where the node's relation lives; null for tests, analyses and ephemeral models
 *     only where the engine has no database
 * @param alias the relation's identifier (for sources, the table's identifier)
 * @param sourceName the source's name for SOURCE nodes, else null
 * @param testMetadata set for generic tests only
 * @param definedAt where the node was declared (the YAML entry for sources and generic tests)
 * @param checksum sha256 of the file's content, as dbt records it
 * @param unitTest set for unit tests only
 * @param extra fields of dbt's manifest entry that only artifacts and {@code graph} read, under dbt's names:
 *     {@code time_spine} (models), {@code source_description}, {@code loader}, {@code source_meta} (sources),
 *     {@code macros} (the macros of {@code depends_on})
 */
public record Node(
        String uniqueId,
        ResourceType resourceType,
        String packageName,
        String name,
        Path originalFilePath,
        Path patchPath,
        List<String> fqn,
        String rawCode,
        NodeConfig config,
        String description,
        Map<String, ColumnInfo> columns,
        List<RefCall> refs,
        List<SourceCall> sources,
        List<String> dependsOn,
        String database,
        String schema,
        String alias,
        String sourceName,
        TestMetadata testMetadata,
        SourcePosition definedAt,
        String checksum,
        UnitTestSpec unitTest,
        Map<String, Object> extra) {
    /** A node that is not a unit test. */
    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, Path originalFilePath,
            Path patchPath, List<String> fqn, String rawCode, NodeConfig config, String description,
            Map<String, ColumnInfo> columns, List<RefCall> refs, List<SourceCall> sources, List<String> dependsOn,
            String database, String schema, String alias, String sourceName, TestMetadata testMetadata,
            SourcePosition definedAt, String checksum) {
        this(uniqueId, resourceType, packageName, name, originalFilePath, patchPath, fqn, rawCode, config, description,
                columns, refs, sources, dependsOn, database, schema, alias, sourceName, testMetadata, definedAt, checksum, null);
    }

    /** A node without extra manifest fields. */
    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, Path originalFilePath,
            Path patchPath, List<String> fqn, String rawCode, NodeConfig config, String description,
            Map<String, ColumnInfo> columns, List<RefCall> refs, List<SourceCall> sources, List<String> dependsOn,
            String database, String schema, String alias, String sourceName, TestMetadata testMetadata,
            SourcePosition definedAt, String checksum, UnitTestSpec unitTest) {
        this(uniqueId, resourceType, packageName, name, originalFilePath, patchPath, fqn, rawCode, config, description,
                columns, refs, sources, dependsOn, database, schema, alias, sourceName, testMetadata, definedAt, checksum,
                unitTest, Map.of());
    }

    public Node {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(packageName, "packageName is null");
        requireNonNull(name, "name is null");
        fqn = List.copyOf(fqn);
        rawCode = rawCode == null ? "" : rawCode;
        config = config == null ? NodeConfig.EMPTY : config;
        description = description == null ? "" : description;
        columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        refs = refs == null ? List.of() : List.copyOf(refs);
        sources = sources == null ? List.of() : List.copyOf(sources);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public String materialized() {
        return config.materialized();
    }

    /** The name of the node's compiled file: a generic test's hashed short name when its name is too long. */
    public String fileName() {
        return testMetadata != null && testMetadata.fileName() != null ? testMetadata.fileName() : name;
    }

    /**
     * True for a snapshot defined in a file named otherwise (one of several blocks, or a YAML entry):
     * its compiled SQL goes to {@code <file>/<name>.sql} so that nodes of one file do not overwrite
     * each other.
     */
    public boolean sharesItsFile() {
        if (resourceType != ResourceType.SNAPSHOT || originalFilePath == null) {
            return false;
        }
        String file = originalFilePath.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return !(dot < 0 ? file : file.substring(0, dot)).equals(name) || !file.endsWith(".sql");
    }

    /**
     * dbt's {@code path}: the file relative to its resource folder ({@code staging/x.sql} for
     * {@code models/staging/x.sql}), or {@code <name>.sql} for generic tests. Node does not say which
     * resource folder a file came from, so the first folder of its path is taken to be it.
     */
    public String resourcePath() {
        if (testMetadata != null) {
            return fileName() + ".sql";
        }
        if (originalFilePath == null) {
            return name + ".sql";
        }
        Path under = originalFilePath.getNameCount() > 1 ? originalFilePath.subpath(1, originalFilePath.getNameCount()) : originalFilePath;
        return under.toString().replace('\\', '/');
    }

    public boolean isEphemeral() {
        return resourceType == ResourceType.MODEL && "ephemeral".equals(config.materialized());
    }

    /** True for nodes that create or hold a relation in the engine (models but ephemeral, seeds, snapshots, sources). */
    public boolean hasRelation() {
        return switch (resourceType) {
            case MODEL -> !isEphemeral();
            case SEED, SNAPSHOT, SOURCE -> true;
            default -> false;
        };
    }

    public Node withDependsOn(List<String> newDependsOn) {
        return new Node(uniqueId, resourceType, packageName, name, originalFilePath, patchPath, fqn, rawCode, config,
                description, columns, refs, sources, newDependsOn, database, schema, alias, sourceName, testMetadata,
                definedAt, checksum, unitTest, extra);
    }

    public Node withRelation(String newDatabase, String newSchema, String newAlias) {
        return new Node(uniqueId, resourceType, packageName, name, originalFilePath, patchPath, fqn, rawCode, config,
                description, columns, refs, sources, dependsOn, newDatabase, newSchema, newAlias, sourceName, testMetadata,
                definedAt, checksum, unitTest, extra);
    }

    /** The node with more fields of its manifest entry (see {@code extra}). */
    public Node withExtra(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(extra);
        merged.putAll(more);
        return new Node(uniqueId, resourceType, packageName, name, originalFilePath, patchPath, fqn, rawCode, config,
                description, columns, refs, sources, dependsOn, database, schema, alias, sourceName, testMetadata,
                definedAt, checksum, unitTest, merged);
    }

    public Node withConfig(NodeConfig newConfig) {
        return new Node(uniqueId, resourceType, packageName, name, originalFilePath, patchPath, fqn, rawCode, newConfig,
                description, columns, refs, sources, dependsOn, database, schema, alias, sourceName, testMetadata,
                definedAt, checksum, unitTest, extra);
    }
}
