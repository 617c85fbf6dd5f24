package io.smelt.compiler.parse;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.project.ColumnProperties;
import io.smelt.compiler.project.NodeProperties;
import io.smelt.compiler.project.SchemaFile;
import io.smelt.compiler.project.SourceProperties;
import io.smelt.compiler.project.SourceTableProperties;
import io.smelt.compiler.project.TestSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One package's properties files, indexed for the parser. */
public final class PackageProperties implements Properties {
    private final Map<String, Map<String, Patch>> patches = new HashMap<>();
    private final Map<String, List<Patch>> ordered = new HashMap<>();
    private final List<SourceTable> sources = new ArrayList<>();
    private final List<UnitTest> unitTests = new ArrayList<>();

    public PackageProperties(List<SchemaFile> files) {
        for (SchemaFile file : files) {
            add("models", file, file.models());
            add("seeds", file, file.seeds());
            add("snapshots", file, file.snapshots());
            add("analyses", file, file.analyses());
            file.unitTests().forEach(spec -> unitTests.add(new UnitTest(spec, file.path())));
            for (SourceProperties source : file.sources()) {
                for (SourceTableProperties table : source.tables()) {
                    Map<String, Object> config = new LinkedHashMap<>(source.config());
                    config.putAll(table.config());
                    SourceFreshnessConfig.apply(config, source, table);
                    List<String> tags = new ArrayList<>(source.tags());
                    tags.addAll(table.tags());
                    config = withMetaAndTags(config, table.meta(), tags);
                    List<TestDef> tests = new ArrayList<>();
                    addTests(tests, table.tests(), null);
                    for (ColumnProperties column : table.columns()) {
                        addTests(tests, column.tests(), column.name());
                    }
                    sources.add(new SourceTable(source.name(), table.name(), source.database(), source.schema(),
                            table.identifier(), table.description(), config, columns(table.columns()), tests, file.path(),
                            table.at(), sourceFields(source)));
                }
            }
        }
    }

    /**
     * Top-level {@code meta:} and {@code tags:} of a properties entry apply as config, as in dbt: the meta keys
     * under the config's own (which win), the tags added to the config's.
     */
    static Map<String, Object> withMetaAndTags(Map<String, Object> config, Map<String, Object> meta,
            List<String> tags) {
        if (meta.isEmpty() && tags.isEmpty()) {
            return config;
        }
        Map<String, Object> out = new LinkedHashMap<>(config);
        if (!meta.isEmpty()) {
            Map<Object, Object> merged = new LinkedHashMap<>(meta);
            if (config.get("meta") instanceof Map<?, ?> own) {
                merged.putAll(own);
            }
            out.put("meta", merged);
        }
        if (!tags.isEmpty()) {
            List<Object> merged = new ArrayList<>();
            Object own = config.get("tags");
            if (own instanceof List<?> list) {
                merged.addAll(list);
            } else if (own != null) {
                merged.add(own);
            }
            tags.stream().filter(t -> !merged.contains(t)).forEach(merged::add);
            out.put("tags", merged);
        }
        return out;
    }

    /** What a source table's manifest entry takes from its source, as dbt's {@code SourceDefinition}. */
    private static Map<String, Object> sourceFields(SourceProperties source) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source_description", source.description());
        fields.put("loader", source.loader());
        fields.put("source_meta", source.meta());
        fields.put("unrendered_database", source.unrenderedDatabase());
        fields.put("unrendered_schema", source.unrenderedSchema());
        return fields;
    }

    private void add(String key, SchemaFile file, List<NodeProperties> entries) {
        for (NodeProperties entry : entries) {
            if (!entry.versions().isEmpty()) {
                for (Patch patch : ModelVersionPatches.of(entry, file.path())) {
                    patches.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(patch.version().fileName(), patch);
                    ordered.computeIfAbsent(key, k -> new ArrayList<>()).add(patch);
                }
                continue;
            }
            List<TestDef> tests = new ArrayList<>();
            addTests(tests, entry.tests(), null);
            for (ColumnProperties column : entry.columns()) {
                addTests(tests, column.tests(), column.name());
            }
            Object relation = entry.other().get("relation");
            Patch patch = new Patch(entry.name(), entry.description(),
                    withMetaAndTags(entry.config(), entry.meta(), entry.tags()), columns(entry.columns()), tests,
                    file.path(), entry.at(), relation == null ? null : String.valueOf(relation), null, extra(entry));
            Patch first = patches.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(entry.name(), patch);
            if (first != null) {
                throw duplicate(key, first, patch);
            }
            ordered.computeIfAbsent(key, k -> new ArrayList<>()).add(patch);
        }
    }

    /** The node's extra fields from its entry: a time spine, model constraints, and its {@code config:} as written (see {@link Properties.Patch#unrenderedConfig}). */
    private static Map<String, Object> extra(NodeProperties entry) {
        Map<String, Object> extra = new HashMap<>(manifestFields(entry.other()));
        if (entry.other().get(NodeProperties.UNRENDERED_CONFIG) instanceof Map<?, ?> written) {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) written;
            extra.put(Properties.Patch.UNRENDERED_CONFIG, withMetaAndTags(config, entry.meta(), entry.tags()));
        }
        return extra;
    }

    /** dbt rejects a second entry too: which one's description, columns and tests would win is not defined. */
    private static SmeltException duplicate(String key, Patch first, Patch second) {
        String kind = switch (key) {
            case "analyses" -> "analysis";
            default -> key.substring(0, key.length() - 1);
        };
        String firstAt = first.at() == null ? String.valueOf(first.file()) : first.at().toString();
        boolean sameFile = first.file() != null && first.file().equals(second.file());
        return new SmeltException(ErrorKind.PROJECT, second.at(), kind + " '" + second.name() + "' is described a second time"
                + (sameFile ? " in this file" : "") + "; the first entry is at " + firstAt,
                "a " + kind + " may be described once: merge the two entries into one");
    }

    /** The entry's fields a model's manifest entry takes as written: {@code time_spine} and model-level {@code constraints}. */
    static Map<String, Object> manifestFields(Map<String, Object> other) {
        Map<String, Object> fields = new HashMap<>(TimeSpines.of(other));
        if (other.get("constraints") instanceof List<?> constraints) {
            fields.put("constraints", constraints);
        }
        return fields;
    }

    static void addTests(List<TestDef> out, List<TestSpec> specs, String column) {
        for (TestSpec spec : specs) {
            out.add(new TestDef(spec.testName(), spec.args(), spec.config(), spec.customName(), column, spec.at()));
        }
    }

    static Map<String, ColumnInfo> columns(List<ColumnProperties> columns) {
        Map<String, ColumnInfo> out = new LinkedHashMap<>();
        for (ColumnProperties column : columns) {
            out.put(column.name(), column.toColumnInfo());
        }
        return out;
    }

    @Override
    public Patch patch(String resourceKey, String name) {
        Patch patch = patches.getOrDefault(resourceKey, Map.of()).get(name);
        if (patch != null) {
            return patch;
        }
        // the latest version of a versioned model may live in <name>.sql
        for (Patch candidate : ordered.getOrDefault(resourceKey, List.of())) {
            if (candidate.version() != null && candidate.version().latest() && candidate.name().equals(name)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public List<Patch> patches(String resourceKey) {
        return ordered.getOrDefault(resourceKey, List.of());
    }

    @Override
    public List<UnitTest> unitTests() {
        return unitTests;
    }

    @Override
    public List<SourceTable> sources() {
        return sources;
    }
}
