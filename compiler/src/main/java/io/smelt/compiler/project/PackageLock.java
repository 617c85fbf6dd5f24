package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * package-lock.yml as dbt writes it: every package {@code deps} installed (the declared ones and
 * theirs), pinned (a git commit, a hub version) and named, and {@code sha1_hash}, a hash of the
 * declared entries that tells when packages.yml changed since.
 *
 * @param packages each locked package's fields ({@code local}, {@code git} + {@code revision}
 *     (+ {@code subdirectory}), {@code package} + {@code version}, {@code tarball}) and {@code name}
 * @param sha1Hash the hash of the entries the lock was made from, or null
 */
public record PackageLock(List<Map<String, Object>> packages, String sha1Hash) {
    public static final String FILE_NAME = "package-lock.yml";

    public PackageLock {
        packages = packages.stream().map(PlainValues::freezeMap).toList();
    }

    /** The lock file beside the project's dbt_project.yml, or null when there is none or it cannot be read. */
    public static PackageLock readIfPresent(Path projectDir) {
        Path path = projectDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        YamlReader yaml = new YamlReader(Path.of(FILE_NAME), ErrorKind.PROJECT, YamlRenderer.NONE);
        Map<String, Object> top;
        try {
            top = yaml.rawMap(yaml.compose(Files.readString(path, StandardCharsets.UTF_8)), FILE_NAME);
        }
        catch (IOException e) {
            throw new SmeltException(ErrorKind.PROJECT, SourcePosition.of(Path.of(FILE_NAME)), "cannot read the file: " + e.getMessage(),
                    null, e);
        }
        List<Map<String, Object>> packages = new ArrayList<>();
        if (top.get("packages") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    map.forEach((k, v) -> entry.put(String.valueOf(k), v));
                    packages.add(entry);
                }
            }
        }
        Object hash = top.get("sha1_hash");
        return new PackageLock(packages, hash == null ? null : hash.toString());
    }

    /** The name the lock gives the package an entry declares, or null when the lock does not list it. */
    public String nameOf(PackageSpec spec) {
        for (Map<String, Object> entry : packages) {
            boolean same;
            if (spec instanceof PackageSpec.Local local) {
                same = local.path().equals(entry.get("local"));
            }
            else if (spec instanceof PackageSpec.Git git) {
                same = git.url().equals(entry.get("git")) && java.util.Objects.equals(git.subdirectory(), entry.get("subdirectory"));
            }
            else if (spec instanceof PackageSpec.Hub hub) {
                same = hub.id().equals(entry.get("package"));
            }
            else {
                same = ((PackageSpec.Tarball) spec).url().equals(entry.get("tarball"));
            }
            if (same && entry.get("name") != null) {
                return entry.get("name").toString();
            }
        }
        return null;
    }

    /** Writes the file in dbt's layout: keys sorted, list items indented. */
    public void write(Path projectDir) throws IOException {
        Map<String, Object> top = new LinkedHashMap<>();
        List<Map<String, Object>> sorted = packages.stream().<Map<String, Object>>map(TreeMap::new).toList();
        top.put("packages", sorted);
        top.put("sha1_hash", sha1Hash);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        Files.writeString(projectDir.resolve(FILE_NAME), new Yaml(options).dump(top), StandardCharsets.UTF_8);
    }

    /**
     * dbt's {@code sha1_hash}: SHA-1 of the entries' contracts as Python's {@code json.dumps(...,
     * sort_keys=True)}, sorted and joined by newlines.
     */
    public static String hash(List<PackageSpec> specs) {
        List<String> lines = new ArrayList<>();
        for (PackageSpec spec : specs) {
            StringBuilder json = new StringBuilder();
            pythonJson(spec.contract(), json);
            lines.add(json.toString());
        }
        lines.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pythonJson(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof java.math.BigInteger) {
            out.append(value);
        }
        else if (value instanceof Number number) {
            out.append(Double.toString(number.doubleValue()));
        }
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> entry : new TreeMap<String, Object>(castMap(map)).entrySet()) {
                out.append(separator);
                pythonJson(entry.getKey(), out);
                out.append(": ");
                pythonJson(entry.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        }
        else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                pythonJson(list.get(i), out);
            }
            out.append(']');
        }
        else {
            String text = value.toString();
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20 || c >= 0x7f) {
                            out.append(String.format("\\u%04x", (int) c));
                        }
                        else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
