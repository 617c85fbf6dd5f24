package io.smelt.compiler.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code target/smelt_state.json}, written next to manifest.json: what state comparison needs and
 * dbt's manifest schema has no field for. The vars each package's nodes see from the dbt_project.yml
 * files (never {@code --vars}, which is the environment), and per node the names of the vars its
 * parse-time render read, directly or in the macros it called.
 *
 * @param vars per package, each var name to its value as written
 * @param nodeVars per node unique id, the names of the vars it read
 */
public record StateSidecar(Map<String, Map<String, Object>> vars, Map<String, List<String>> nodeVars, Map<String, String> sql) {
    public static final String FILE_NAME = "smelt_state.json";
    static final int VERSION = 1;
    /** The {@code Node.extra} key under which the parser records the vars a node read. */
    public static final String VARS_READ = "smelt_vars_read";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public StateSidecar {
        vars = Collections.unmodifiableMap(new TreeMap<>(vars));
        nodeVars = Collections.unmodifiableMap(new TreeMap<>(nodeVars));
        sql = sql == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sql));
    }

    public StateSidecar(Map<String, Map<String, Object>> vars, Map<String, List<String>> nodeVars) {
        this(vars, nodeVars, Map.of());
    }

    /** The same with each model's SQL fingerprint (see io.smelt.compiler.analysis.SqlFingerprint). */
    public StateSidecar withSql(Map<String, String> fingerprints) {
        return new StateSidecar(vars, nodeVars, fingerprints);
    }

    /**
     * The sidecar of a parsed project.
     *
     * @param projectVars the vars a package's nodes see from the dbt_project.yml files alone
     */
    public static StateSidecar of(Manifest manifest, Function<String, Map<String, Object>> projectVars) {
        Map<String, Map<String, Object>> vars = new TreeMap<>();
        Map<String, List<String>> nodeVars = new TreeMap<>();
        for (Node node : manifest.nodes().values()) {
            vars.computeIfAbsent(node.packageName(), pkg -> new TreeMap<>(projectVars.apply(pkg)));
            if (node.extra().get(VARS_READ) instanceof List<?> names && !names.isEmpty()) {
                nodeVars.put(node.uniqueId(), names.stream().map(String::valueOf).toList());
            }
        }
        return new StateSidecar(vars, nodeVars);
    }

    /** The names of the vars a node's parse-time render read, as the parser recorded them. */
    public static List<String> varsRead(Node node) {
        return node.extra().get(VARS_READ) instanceof List<?> names ? names.stream().map(String::valueOf).toList() : List.of();
    }

    /** Whether package {@code packageName}'s nodes see var {@code name}. */
    public boolean hasVar(String packageName, String name) {
        return vars.getOrDefault(packageName, Map.of()).containsKey(name);
    }

    /** The value package {@code packageName}'s nodes see for var {@code name}, as JSON (null when it has none). */
    public JsonNode var(String packageName, String name) {
        Map<String, Object> own = vars.getOrDefault(packageName, Map.of());
        return own.containsKey(name) ? JSON.valueToTree(own.get(name)) : null;
    }

    /** Writes the file atomically. */
    public void write(Path file) {
        Map<String, Object> body = new TreeMap<>();
        body.put("smelt_state_version", VERSION);
        body.put("vars", vars);
        Map<String, Object> nodes = new TreeMap<>();
        nodeVars.forEach((id, names) -> nodes.put(id, new TreeMap<>(Map.of("vars", names))));
        sql.forEach((id, fingerprint) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) nodes.computeIfAbsent(id, k -> new TreeMap<String, Object>());
            entry.put("sql", fingerprint);
        });
        body.put("nodes", nodes);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), body);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SmeltException(ErrorKind.INTERNAL, null, "cannot write " + file + ": " + e.getMessage(), null, e);
        }
    }

    /** The file in {@code dir}, or null when there is none (a manifest written by dbt comes without it). */
    static StateSidecar read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            if (json == null || json.path("smelt_state_version").asInt(0) != VERSION) {
                throw new SmeltException(ErrorKind.COMMAND_LINE, null, file + " is not a smelt_state.json this version of Smelt reads",
                        "delete it (vars are then not compared), or write it again with this version of Smelt");
            }
            Map<String, Map<String, Object>> vars = JSON.convertValue(json.path("vars"), new TypeReference<>() { });
            Map<String, List<String>> nodeVars = new TreeMap<>();
            Map<String, String> sql = new TreeMap<>();
            json.path("nodes").fields().forEachRemaining(e -> {
                if (e.getValue().has("vars")) {
                    nodeVars.put(e.getKey(), JSON.convertValue(e.getValue().path("vars"), new TypeReference<List<String>>() { }));
                }
                if (e.getValue().hasNonNull("sql")) {
                    sql.put(e.getKey(), e.getValue().path("sql").asText());
                }
            });
            return new StateSidecar(vars == null ? Map.of() : vars, nodeVars, sql);
        } catch (IOException e) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "cannot read " + file + ": " + e.getMessage(),
                    "delete it (vars are then not compared), or write it again with Smelt");
        }
    }
}
