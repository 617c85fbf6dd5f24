package io.smelt.compiler.graph;

import io.smelt.compiler.diag.SourcePosition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Node}s for tests without spelling out all of the record's components. */
public final class TestingNodes {
    private ResourceType type = ResourceType.MODEL;
    private String packageName = "shop";
    private String name;
    private String uniqueId;
    private Path file;
    private Path patchPath;
    private List<String> fqn;
    private String rawCode = "select 1";
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final List<RefCall> refs = new ArrayList<>();
    private final List<SourceCall> sources = new ArrayList<>();
    private List<String> dependsOn = List.of();
    private String database = "db";
    private String schema = "main";
    private String alias;
    private String sourceName;
    private TestMetadata testMetadata;
    private SourcePosition definedAt;
    private Map<String, ColumnInfo> columns = Map.of();
    private String description = "";

    private TestingNodes(ResourceType type, String name) {
        this.type = type;
        this.name = name;
    }

    public static TestingNodes model(String name) {
        return new TestingNodes(ResourceType.MODEL, name);
    }

    public static TestingNodes seed(String name) {
        return new TestingNodes(ResourceType.SEED, name).rawCode("");
    }

    public static TestingNodes snapshot(String name) {
        return new TestingNodes(ResourceType.SNAPSHOT, name);
    }

    public static TestingNodes analysis(String name) {
        return new TestingNodes(ResourceType.ANALYSIS, name);
    }

    public static TestingNodes source(String sourceName, String table) {
        TestingNodes source = new TestingNodes(ResourceType.SOURCE, table).rawCode("");
        source.sourceName = sourceName;
        return source;
    }

    /** A singular test: SQL under tests/. */
    public static TestingNodes singularTest(String name) {
        return new TestingNodes(ResourceType.TEST, name).schema("main_dbt_test__audit");
    }

    /** A unit test of {@code model} (a unique id): it runs before the model in build. */
    public static TestingNodes unitTest(String name, String model) {
        return new TestingNodes(ResourceType.UNIT_TEST, name).file("models/unit_tests.yml").dependsOn(model);
    }

    /** A generic test declared in a schema.yml, attached to {@code attachedNode}. */
    public static TestingNodes genericTest(String name, String testName, String column, String attachedNode) {
        TestingNodes test = new TestingNodes(ResourceType.TEST, name).schema("main_dbt_test__audit");
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (column != null) {
            kwargs.put("column_name", column);
        }
        test.testMetadata = new TestMetadata(testName, null, kwargs, column, attachedNode);
        test.file = Path.of("models/schema.yml");
        test.definedAt = new SourcePosition(Path.of("models/schema.yml"), 7, 11);
        return test;
    }

    public TestingNodes pkg(String packageName) {
        this.packageName = packageName;
        return this;
    }

    public TestingNodes file(String path) {
        this.file = Path.of(path);
        return this;
    }

    public TestingNodes patchPath(String path) {
        this.patchPath = Path.of(path);
        return this;
    }

    public TestingNodes fqn(String... parts) {
        this.fqn = List.of(parts);
        return this;
    }

    public TestingNodes uniqueId(String uniqueId) {
        this.uniqueId = uniqueId;
        return this;
    }

    public TestingNodes rawCode(String rawCode) {
        this.rawCode = rawCode;
        return this;
    }

    public TestingNodes config(String key, Object value) {
        config.put(key, value);
        return this;
    }

    public TestingNodes tags(String... tags) {
        return config("tags", List.of(tags));
    }

    public TestingNodes disabled() {
        return config("enabled", false);
    }

    public TestingNodes ref(String target) {
        return ref(target, refs.size() + 1);
    }

    public TestingNodes ref(String target, int line) {
        refs.add(new RefCall(null, target, null, line));
        return this;
    }

    public TestingNodes ref(String pkg, String target, String version, int line) {
        refs.add(new RefCall(pkg, target, version, line));
        return this;
    }

    public TestingNodes source(String sourceName, String table, int line) {
        sources.add(new SourceCall(sourceName, table, line));
        return this;
    }

    public TestingNodes dependsOn(String... ids) {
        this.dependsOn = List.of(ids);
        return this;
    }

    public TestingNodes schema(String schema) {
        this.schema = schema;
        return this;
    }

    public TestingNodes database(String database) {
        this.database = database;
        return this;
    }

    public TestingNodes alias(String alias) {
        this.alias = alias;
        return this;
    }

    public TestingNodes description(String description) {
        this.description = description;
        return this;
    }

    public TestingNodes columns(ColumnInfo... columnInfos) {
        Map<String, ColumnInfo> map = new LinkedHashMap<>();
        for (ColumnInfo column : columnInfos) {
            map.put(column.name(), column);
        }
        this.columns = map;
        return this;
    }

    public TestingNodes definedAt(String file, int line) {
        this.definedAt = new SourcePosition(Path.of(file), line, 0);
        return this;
    }

    public Node build() {
        String id = uniqueId;
        if (id == null) {
            id = type == ResourceType.SOURCE
                    ? "source." + packageName + "." + sourceName + "." + name
                    : type.dbtName() + "." + packageName + "." + name;
        }
        Path path = file;
        if (path == null) {
            path = switch (type) {
                case SEED -> Path.of("seeds/" + name + ".csv");
                case SOURCE -> Path.of("models/sources.yml");
                case TEST -> Path.of("tests/" + name + ".sql");
                case SNAPSHOT -> Path.of("snapshots/" + name + ".sql");
                case ANALYSIS -> Path.of("analyses/" + name + ".sql");
                default -> Path.of("models/" + name + ".sql");
            };
        }
        List<String> fullName = fqn;
        if (fullName == null) {
            List<String> parts = new ArrayList<>();
            parts.add(packageName);
            if (type == ResourceType.SOURCE) {
                parts.add(sourceName);
            } else {
                Path parent = path.getParent();
                for (int i = 1; parent != null && i < parent.getNameCount(); i++) {
                    parts.add(parent.getName(i).toString());
                }
            }
            parts.add(name);
            fullName = parts;
        }
        return new Node(id, type, packageName, name, path, patchPath, fullName, rawCode, new NodeConfig(config),
                description, columns, refs, sources, dependsOn, database, schema, alias == null ? name : alias,
                sourceName, testMetadata, definedAt, null);
    }
}
