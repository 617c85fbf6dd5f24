package io.smelt.compiler.check;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.compiler.graph.SmeltBuild;
import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.analysis.ColumnType;
import io.smelt.compiler.analysis.InputTable;
import io.smelt.compiler.analysis.SqlDialect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Analyses by content: a hash of the dialect, the SQL and every input's names and columns, kept in
 * {@code target/smelt_sql_check.json}, so a model analyses again only when it or what it reads
 * changed. The file keeps this run's entries only; one Smelt cannot read is ignored.
 */
final class AnalysisCache {
    static final String FILE = "smelt_sql_check.json";
    /** Bumped whenever what an analysis holds changes; with Smelt's build, since any change to the analyser may type a model differently. */
    private static final String VERSION = "5/" + SmeltBuild.id();
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY);

    private final Path file;
    private final Map<String, Analysis> before;
    private final Map<String, Analysis> used = new ConcurrentHashMap<>();
    private final Map<String, String> fingerprintsBefore;
    private final Map<String, String> fingerprintsUsed = new ConcurrentHashMap<>();

    private AnalysisCache(Path file, Map<String, Analysis> before, Map<String, String> fingerprintsBefore) {
        this.file = file;
        this.before = before;
        this.fingerprintsBefore = fingerprintsBefore;
    }

    record Stored(String version, Map<String, Analysis> entries, Map<String, String> fingerprints) {
    }

    static AnalysisCache load(Path targetPath) {
        Path file = targetPath.resolve(FILE);
        Map<String, Analysis> entries = Map.of();
        Map<String, String> fingerprints = Map.of();
        if (Files.isRegularFile(file)) {
            try {
                Stored stored = JSON.readValue(file.toFile(), new TypeReference<Stored>() { });
                if (VERSION.equals(stored.version()) && stored.entries() != null) {
                    entries = stored.entries();
                    fingerprints = stored.fingerprints() == null ? Map.of() : stored.fingerprints();
                }
            }
            catch (IOException | RuntimeException e) {
                entries = Map.of();
            }
        }
        return new AnalysisCache(file, entries, fingerprints);
    }

    Analysis get(SqlDialect dialect, String sql, List<InputTable> inputs, Supplier<Analysis> analyse) {
        String key = key(dialect, sql, inputs);
        Analysis found = before.get(key);
        if (found == null) {
            found = analyse.get();
        }
        used.put(key, found);
        return found;
    }

    /** The fingerprint of a model's SQL ({@link io.smelt.compiler.analysis.SqlFingerprint}), by the same kind of hash. */
    String fingerprint(SqlDialect dialect, String sql, String database, String schema, Supplier<String> compute) {
        String key = key(dialect, sql, List.of(new InputTable(database + "." + schema, List.of(), List.of())));
        String found = fingerprintsBefore.get(key);
        if (found == null) {
            found = compute.get();
        }
        if (found != null) {
            fingerprintsUsed.put(key, found);
        }
        return found;
    }

    /** @param keepUnused keep the entries this run did not use (it analysed part of the project) */
    void save(boolean keepUnused) {
        if (keepUnused) {
            before.forEach(used::putIfAbsent);
            fingerprintsBefore.forEach(fingerprintsUsed::putIfAbsent);
        }
        if (used.keySet().equals(before.keySet()) && fingerprintsUsed.keySet().equals(fingerprintsBefore.keySet())) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), new Stored(VERSION, new TreeMap<>(used), new TreeMap<>(fingerprintsUsed)));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next run its time
        }
    }

    /** A 128-bit hash of what an analysis depends on. */
    private static String key(SqlDialect dialect, String sql, List<InputTable> inputs) {
        io.smelt.compiler.graph.ContentHash hash = new io.smelt.compiler.graph.ContentHash();
        hash.add(VERSION).add(dialect.name()).add(sql);
        for (InputTable input : inputs) {
            hash.add(input.origin());
            for (List<String> path : input.paths()) {
                hash.add(String.join(".", path));
            }
            for (ColumnType column : input.columns()) {
                hash.add(column.name()).add(String.valueOf(column.type()));
            }
        }
        return hash.hex();
    }
}
