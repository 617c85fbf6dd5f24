package io.smelt.compiler.check;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.adapter.Relation;
import io.smelt.compiler.analysis.ColumnType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The warehouse's columns of the relations the SQL check read (sources, incremental tables), kept in
 * {@code target/smelt_catalog.json} so that a check does not query the catalog once per source on
 * every run. A cached answer is only trusted while it finds nothing: when the check finds a problem
 * and any answer came from the file, the check runs again on fresh answers ({@link #fresh}), so a
 * column added to a source since never makes a false finding.
 */
public final class CatalogCache {
    static final String FILE = "smelt_catalog.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, List<ColumnType>> stored;
    private final Map<String, List<ColumnType>> now = new ConcurrentHashMap<>();
    private final AtomicBoolean servedStored = new AtomicBoolean();
    /** Relations the warehouse did not have when asked in this run (not kept in the file). */
    private final java.util.Set<String> missing = ConcurrentHashMap.newKeySet();

    private CatalogCache(Path file, Map<String, List<ColumnType>> stored) {
        this.file = file;
        this.stored = stored;
    }

    public static CatalogCache load(Path targetPath) {
        Path file = targetPath.resolve(FILE);
        Map<String, List<ColumnType>> stored = Map.of();
        if (Files.isRegularFile(file)) {
            try {
                stored = JSON.readValue(file.toFile(), new TypeReference<Map<String, List<ColumnType>>>() { });
            }
            catch (IOException | RuntimeException e) {
                stored = Map.of();
            }
        }
        return new CatalogCache(file, stored);
    }

    /** The columns from the file when it has them, else from {@code live} (and kept). */
    public WarehouseColumns over(WarehouseColumns live) {
        return relation -> {
            String key = key(relation);
            List<ColumnType> asked = now.get(key);
            if (asked != null || missing.contains(key)) {
                return asked;
            }
            List<ColumnType> cached = stored.get(key);
            if (cached != null) {
                servedStored.set(true);
                now.put(key, cached);
                return cached;
            }
            return ask(live, relation, key);
        };
    }

    /** From {@code live}, once per relation (and kept). */
    public WarehouseColumns fresh(WarehouseColumns live) {
        Map<String, java.util.Optional<List<ColumnType>>> asked = new ConcurrentHashMap<>();
        return relation -> {
            String key = key(relation);
            return asked.computeIfAbsent(key, k -> java.util.Optional.ofNullable(ask(live, relation, k))).orElse(null);
        };
    }

    /** Whether some answer came from the file rather than the warehouse. */
    public boolean servedStored() {
        return servedStored.get();
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), new TreeMap<>(now));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next run its queries
        }
    }

    private List<ColumnType> ask(WarehouseColumns live, Relation relation, String key) {
        List<ColumnType> columns = live.columns(relation);
        if (columns != null && !columns.isEmpty()) {
            now.put(key, List.copyOf(columns));
            missing.remove(key);
        } else {
            now.remove(key);
            missing.add(key);
        }
        return columns;
    }

    private static String key(Relation relation) {
        return relation.database() + "|" + relation.schema() + "|" + relation.identifier();
    }
}
