package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One entry of packages.yml or dependencies.yml, rendered ({@code env_var()}, {@code var()} from
 * --vars), with where it was written.
 */
public sealed interface PackageSpec {
    /** Where the entry starts (1-based). */
    SourcePosition at();

    /** {@code name:} as written, or null: the package's project name, for dbt's lock file. */
    String name();

    /** The entry as written, before rendering (dbt hashes it into package-lock.yml's {@code sha1_hash}). */
    Map<String, Object> unrendered();

    /**
     * The entry as dbt's package contract serializes it (every field, null where unset, the
     * unrendered entry under {@code unrendered}): what dbt hashes to tell a stale lock file.
     */
    Map<String, Object> contract();

    /** The entry in messages: {@code local: ../pkg}, {@code package: dbt-labs/dbt_utils}. */
    String describe();

    /** A folder, relative to the project that declares it. */
    record Local(String path, String name, Map<String, Object> unrendered, SourcePosition at) implements PackageSpec {
        public Local {
            requireNonNull(path, "path is null");
            unrendered = PlainValues.freezeMap(unrendered);
        }

        @Override
        public Map<String, Object> contract() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("local", path);
            return withName(map, name, unrendered);
        }

        @Override
        public String describe() {
            return "local: " + path;
        }
    }

    /** A git repository at a revision (a branch, tag or commit; null for the default branch), maybe in a subfolder. */
    record Git(String url, Object revision, String subdirectory, Boolean warnUnpinned, String name,
            Map<String, Object> unrendered, SourcePosition at) implements PackageSpec {
        public Git {
            requireNonNull(url, "url is null");
            unrendered = PlainValues.freezeMap(unrendered);
        }

        /** The revision as text, or null when none is given. */
        public String revisionText() {
            return revision == null ? null : revision.toString();
        }

        @Override
        public Map<String, Object> contract() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("git", url);
            map.put("revision", revision);
            map.put("warn-unpinned", warnUnpinned);
            map.put("subdirectory", subdirectory);
            return withName(map, name, unrendered);
        }

        @Override
        public String describe() {
            return "git: " + url + (subdirectory == null ? "" : " (subdirectory " + subdirectory + ")");
        }
    }

    /**
     * A dbt Hub package ({@code org/name}) with version constraints.
     *
     * @param version the {@code version:} value as written: text, a number or a list of them
     */
    record Hub(String id, Object version, List<String> versions, boolean installPrerelease, String name,
            Map<String, Object> unrendered, SourcePosition at) implements PackageSpec {
        public Hub {
            requireNonNull(id, "id is null");
            versions = List.copyOf(versions);
            unrendered = PlainValues.freezeMap(unrendered);
        }

        @Override
        public Map<String, Object> contract() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("package", id);
            map.put("version", version);
            map.put("install_prerelease", installPrerelease);
            return withName(map, name, unrendered);
        }

        @Override
        public String describe() {
            return "package: " + id;
        }
    }

    /** An archive at a URL; dbt requires its {@code name:}. */
    record Tarball(String url, String name, Map<String, Object> unrendered, SourcePosition at) implements PackageSpec {
        public Tarball {
            requireNonNull(url, "url is null");
            requireNonNull(name, "name is null");
            unrendered = PlainValues.freezeMap(unrendered);
        }

        @Override
        public Map<String, Object> contract() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("tarball", url);
            map.put("name", name);
            map.put("unrendered", unrendered);
            return map;
        }

        @Override
        public String describe() {
            return "tarball: " + url;
        }
    }

    private static Map<String, Object> withName(Map<String, Object> map, String name, Map<String, Object> unrendered) {
        map.put("unrendered", unrendered);
        // dbt leaves out a null name so that adding the field did not change existing hashes
        if (name != null) {
            map.put("name", name);
        }
        return map;
    }
}
