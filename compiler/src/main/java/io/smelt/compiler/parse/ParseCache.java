package io.smelt.compiler.parse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smelt.compiler.graph.ContentHash;
import io.smelt.compiler.graph.SmeltBuild;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.SourceCall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The partial-parse cache, {@code target/smelt_parse_cache.json}: what each SQL node's parse-time
 * render found (its ref, source and config calls, the vars and environment variables it read, the
 * macros that ran, the SQL it rendered to), so that a parse after a change renders only the nodes the
 * change touches. An entry is reused only when everything its render could see is as it was:
 * <ul>
 * <li>the whole cache is dropped when Smelt's build, the engine and target, the command-line vars,
 * any {@code dbt_project.yml}, the installed packages or the set of macros differ ({@link #globalKey});
 * <li>an entry's key hashes the node as the render sees it: its code, resolved config (project and
 * properties files), description, columns and relation name;
 * <li>every macro that ran during its render must have the same text, and every environment variable
 * it read the same value (kept as hashes: no value is written to the file).
 * </ul>
 */
public final class ParseCache {
    static final String FILE = "smelt_parse_cache.json";
    private static final String FORMAT = "1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What one node's render found.
     *
     * @param key the hash of the node as its render saw it
     * @param macros every macro that ran, with the hash of its text
     * @param envVars every environment variable read, with the hash of its value ("" when unset)
     * @param directMacros the macros the template called itself (dbt's {@code depends_on.macros})
     * @param parseSql what the template rendered to, or null
     * @param checksum dbt's checksum of the node's code
     */
    public record Entry(String key, List<RefCall> refs, List<SourceCall> sources, List<Map<String, Object>> configCalls,
            List<String> vars, Map<String, String> macros, Map<String, String> envVars, List<String> directMacros,
            String parseSql, String checksum) {
    }

    /** The file's content. */
    record Stored(String format, String global, Map<String, Entry> entries) {
    }

    private final Path file;
    private final String globalKey;
    private final Map<String, Entry> stored;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    private final Function<String, String> macroHash;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private ParseCache(Path file, String globalKey, Map<String, Entry> stored, Function<String, String> macroHash) {
        this.file = file;
        this.globalKey = globalKey;
        this.stored = stored;
        this.macroHash = macroHash;
    }

    /** A cache that keeps nothing ({@code --no-partial-parse}). */
    public static ParseCache off() {
        return new ParseCache(null, "", Map.of(), id -> null);
    }

    /**
     * Reads the cache in {@code targetDir}; an unreadable file, one of another format or one made under
     * another {@code globalKey} is an empty cache.
     *
     * @param macroHash the hash of a macro's text by unique id, or null for a macro that no longer exists
     */
    public static ParseCache load(Path targetDir, String globalKey, Function<String, String> macroHash) {
        Path file = targetDir.resolve(FILE);
        Map<String, Entry> stored = Map.of();
        if (Files.isRegularFile(file)) {
            try {
                Stored read = JSON.readValue(file.toFile(), Stored.class);
                if (FORMAT.equals(read.format()) && globalKey.equals(read.global()) && read.entries() != null) {
                    stored = read.entries();
                }
            }
            catch (IOException | RuntimeException e) {
                stored = Map.of();
            }
        }
        return new ParseCache(file, globalKey, stored, macroHash);
    }

    /** What everything in the cache depends on; {@code parts} in a fixed order. */
    public static String globalKey(List<String> parts) {
        ContentHash hash = new ContentHash().add(FORMAT).add(SmeltBuild.id());
        parts.forEach(hash::add);
        return hash.hex();
    }

    /** The key of a node's render: the node as its render sees it, and the text it renders. */
    static String key(Object node, String templateText) {
        return new ContentHash().add(String.valueOf(node)).add(templateText).hex();
    }

    /** The entry of {@code uniqueId} made under {@code key}, when every macro and environment variable it read is unchanged. */
    Entry lookup(String uniqueId, String key, Function<String, String> env) {
        if (file == null) {
            return null;
        }
        Entry entry = stored.get(uniqueId);
        if (entry == null || !key.equals(entry.key()) || !unchanged(entry, env)) {
            misses.incrementAndGet();
            return null;
        }
        hits.incrementAndGet();
        now.put(uniqueId, entry);
        return entry;
    }

    private boolean unchanged(Entry entry, Function<String, String> env) {
        for (Map.Entry<String, String> macro : entry.macros().entrySet()) {
            if (!macro.getValue().equals(macroHash.apply(macro.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, String> variable : entry.envVars().entrySet()) {
            if (!variable.getValue().equals(envHash(env.apply(variable.getKey())))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keeps what a render found. Config values that would not read back as the same values (objects
     * of Jinja's own) keep the node out of the cache: it is rendered again next time.
     */
    void store(String uniqueId, String key, List<RefCall> refs, List<SourceCall> sources, List<Map<String, Object>> configCalls,
            java.util.Collection<String> vars, java.util.Collection<String> allMacros, Map<String, String> envVars,
            java.util.Collection<String> directMacros, String parseSql, String checksum) {
        if (file == null) {
            return;
        }
        Map<String, String> macros = new TreeMap<>();
        for (String macro : allMacros) {
            String hash = macroHash.apply(macro);
            if (hash == null) {
                return;
            }
            macros.put(macro, hash);
        }
        Map<String, String> env = new TreeMap<>();
        envVars.forEach((name, value) -> env.put(name, envHash(value)));
        if (!configCalls.isEmpty() && !readsBackEqual(configCalls)) {
            return;
        }
        now.put(uniqueId, new Entry(key, List.copyOf(refs), List.copyOf(sources), List.copyOf(configCalls), List.copyOf(vars),
                macros, env, List.copyOf(directMacros), parseSql, checksum));
    }

    private static boolean readsBackEqual(List<Map<String, Object>> configCalls) {
        try {
            List<Map<String, Object>> back = JSON.readValue(JSON.writeValueAsString(configCalls),
                    new TypeReference<List<Map<String, Object>>>() { });
            return back.equals(configCalls);
        }
        catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** How many nodes this parse took from the cache, and how many it rendered. */
    public String summary() {
        return hits.get() + " of " + (hits.get() + misses.get()) + " SQL files reused from the partial-parse cache";
    }

    public int hits() {
        return hits.get();
    }

    /** Writes the entries of this parse (nodes that are gone are dropped); nothing when nothing changed. */
    public void save() {
        if (file == null || (misses.get() == 0 && now.keySet().equals(stored.keySet()))) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            // a file of its own: two parses of one project at once each move a whole file into place
            tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            JSON.writeValue(tmp.toFile(), new Stored(FORMAT, globalKey, new TreeMap<>(now)));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next parse its renders
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            }
            catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static String envHash(String value) {
        return value == null ? "" : ContentHash.of(value);
    }
}
