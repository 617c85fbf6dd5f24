package io.smelt.compiler.deps;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.project.PackageSpec;
import io.smelt.compiler.project.PackagesFile;
import io.smelt.compiler.project.ProjectLoader;
import io.smelt.compiler.project.YamlRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns declared packages into pinned ones, as dbt's resolver does: the root's entries, then the
 * entries of their packages.yml (or, for hub packages, of the hub's metadata), round after round.
 * A hub package named more than once must satisfy every range given for it; a git repository
 * named at two revisions is an error.
 */
final class DepsResolver {
    /** A pinned package: the fields package-lock.yml records for it, with its project name. */
    record Pinned(Map<String, Object> lockEntry, String name, String version) {
    }

    private final DbtProject root;
    private final YamlRenderer renderer;
    private final HubClient hub;
    private final GitClient git;
    private final Checkouts checkouts;
    private final Map<String, Pinned> pinned = new LinkedHashMap<>();
    private final Map<String, String> gitRevisions = new LinkedHashMap<>();
    private final Map<String, HubChoice> hubChoices = new LinkedHashMap<>();

    private static final class HubChoice {
        final List<String> constraints = new ArrayList<>();
        PackageSpec.Hub first;
        boolean installPrerelease;
    }

    /** Git checkouts made while resolving, by repository, subdirectory and commit, so installing does not clone again. */
    static final class Checkouts {
        final Map<String, Path> byKey = new LinkedHashMap<>();
        private final Path downloads;
        private int count;

        Checkouts(Path downloads) {
            this.downloads = downloads;
        }

        Path next() {
            return downloads.resolve("git-" + (++count));
        }
    }

    DepsResolver(DbtProject root, YamlRenderer renderer, HubClient hub, GitClient git, Checkouts checkouts) {
        this.root = root;
        this.renderer = renderer;
        this.hub = hub;
        this.git = git;
        this.checkouts = checkouts;
    }

    List<Pinned> resolve(List<PackageSpec> declared) {
        List<PackageSpec> pending = declared;
        while (!pending.isEmpty()) {
            List<PackageSpec> next = new ArrayList<>();
            for (PackageSpec spec : pending) {
                next.addAll(resolveOne(spec));
            }
            pending = next;
        }
        // with every range known, pick each hub package's version once more
        for (Map.Entry<String, HubChoice> entry : hubChoices.entrySet()) {
            pinHub(entry.getKey(), entry.getValue());
        }
        checkNames();
        return List.copyOf(pinned.values());
    }

    private List<PackageSpec> resolveOne(PackageSpec spec) {
        if (spec instanceof PackageSpec.Local local) {
            Path folder = root.projectDir().resolve(local.path()).normalize();
            String key = "local:" + folder;
            if (pinned.containsKey(key)) {
                return List.of();
            }
            DbtProject project = loadPackage(folder, spec.at(), spec.describe());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("local", local.path());
            entry.put("name", project.name());
            pinned.put(key, new Pinned(entry, project.name(), "<local @ " + local.path() + ">"));
            return declaredBy(folder);
        }
        if (spec instanceof PackageSpec.Git g) {
            String key = "git:" + g.url() + (g.subdirectory() == null ? "" : "/" + g.subdirectory());
            String revision = g.revisionText() == null ? "HEAD" : g.revisionText();
            String earlier = gitRevisions.putIfAbsent(key, revision);
            if (earlier != null) {
                if (!earlier.equals(revision)) {
                    throw error(spec.at(), "the git package " + g.url() + " is asked for at two revisions: " + earlier + " and " + revision,
                            "name one revision for it in every packages.yml");
                }
                return List.of();
            }
            Path checkout = checkouts.next();
            String commit;
            try {
                commit = git.checkout(g.url(), g.revisionText(), checkout);
            }
            catch (IOException e) {
                throw error(spec.at(), "cannot fetch " + spec.describe() + " at " + revision + ": " + e.getMessage(),
                        "check the URL and the revision (a branch, tag or commit)");
            }
            Path folder = g.subdirectory() == null ? checkout : checkout.resolve(g.subdirectory()).normalize();
            checkouts.byKey.put(key + "@" + commit, checkout);
            DbtProject project = loadPackage(folder, spec.at(), spec.describe());
            Map<String, Object> entry = new LinkedHashMap<>();
            Object unrenderedUrl = g.unrendered().get("git");
            entry.put("git", unrenderedUrl == null ? g.url() : unrenderedUrl.toString());
            entry.put("revision", commit);
            if (g.subdirectory() != null) {
                entry.put("subdirectory", g.subdirectory());
            }
            entry.put("name", project.name());
            pinned.put(key, new Pinned(entry, project.name(), "revision " + commit));
            return declaredBy(folder);
        }
        if (spec instanceof PackageSpec.Hub h) {
            HubChoice choice = hubChoices.computeIfAbsent(h.id(), id -> new HubChoice());
            if (choice.first == null) {
                choice.first = h;
            }
            choice.constraints.addAll(h.versions());
            choice.installPrerelease |= h.installPrerelease();
            return pinHub(h.id(), choice);
        }
        PackageSpec.Tarball t = (PackageSpec.Tarball) spec;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tarball", t.url());
        entry.put("name", t.name());
        pinned.put("tarball:" + t.url(), new Pinned(entry, t.name(), "tarball " + t.url()));
        return List.of();
    }

    /** Picks the newest version the ranges so far allow; returns the packages that version needs the first time it is picked. */
    private List<PackageSpec> pinHub(String id, HubChoice choice) {
        PackageSpec.Hub spec = choice.first;
        SemverRange range;
        try {
            range = SemverRange.parse(choice.constraints);
        }
        catch (IllegalArgumentException e) {
            throw error(spec.at(), "package " + id + ": " + e.getMessage(), "for example version: [\">=1.0.0\", \"<2.0.0\"]");
        }
        Map<String, JsonNode> versions;
        try {
            if (!hub.exists(id)) {
                throw error(spec.at(), "the package " + id + " is not on the hub at " + hub.baseUrl(),
                        "check the name (org/package, as hub.getdbt.com shows it)");
            }
            versions = hub.versions(id);
        }
        catch (IOException e) {
            throw error(spec.at(), "cannot read package " + id + " from the hub: " + e.getMessage(),
                    "check the network, or set " + HubClient.BASE_URL_VARIABLE + " to a hub mirror");
        }
        String version = range.newest(versions.keySet(), choice.installPrerelease).orElseThrow(() -> error(spec.at(),
                "no version of " + id + " satisfies " + range + " (available: " + String.join(", ", versions.keySet()) + ")",
                "widen the version range in packages.yml"));
        JsonNode metadata = versions.get(version);
        String name = metadata.path("name").asText(id.substring(id.lastIndexOf('/') + 1));
        String key = "hub:" + id;
        Pinned before = pinned.get(key);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("package", id);
        entry.put("version", version);
        entry.put("name", name);
        pinned.put(key, new Pinned(entry, name, "version " + version));
        if (before != null && before.version().equals("version " + version)) {
            return List.of();
        }
        List<PackageSpec> needs = new ArrayList<>();
        for (JsonNode dependency : metadata.path("packages")) {
            if (dependency.hasNonNull("package")) {
                JsonNode v = dependency.path("version");
                List<String> ranges = new ArrayList<>();
                if (v.isArray()) {
                    v.forEach(item -> ranges.add(item.asText()));
                }
                else if (!v.isMissingNode() && !v.isNull()) {
                    ranges.add(v.asText());
                }
                needs.add(new PackageSpec.Hub(dependency.path("package").asText(), ranges, ranges,
                        dependency.path("install_prerelease").asBoolean(false), null, Map.of(), spec.at()));
            }
            else if (dependency.hasNonNull("git")) {
                needs.add(new PackageSpec.Git(dependency.path("git").asText(),
                        dependency.hasNonNull("revision") ? dependency.path("revision").asText() : null,
                        dependency.hasNonNull("subdirectory") ? dependency.path("subdirectory").asText() : null,
                        null, null, Map.of(), spec.at()));
            }
        }
        return needs;
    }

    private List<PackageSpec> declaredBy(Path folder) {
        return PackagesFile.read(folder, display(folder), renderer).packages();
    }

    private DbtProject loadPackage(Path folder, SourcePosition at, String what) {
        if (!Files.isRegularFile(folder.resolve(ProjectLoader.FILE_NAME))) {
            throw error(at, "the package " + what + " has no " + ProjectLoader.FILE_NAME + " in " + folder,
                    "each package is a dbt project: check the path or the subdirectory");
        }
        return ProjectLoader.load(folder, display(folder).resolve(ProjectLoader.FILE_NAME), renderer);
    }

    private Path display(Path folder) {
        Path base = root.projectDir().toAbsolutePath().normalize();
        Path absolute = folder.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    }

    private void checkNames() {
        Map<String, Pinned> byName = new LinkedHashMap<>();
        for (Pinned p : pinned.values()) {
            if (p.name().equals(root.name())) {
                throw error(null, "a package is named '" + p.name() + "', as the root project is", "rename the root project");
            }
            Pinned earlier = byName.putIfAbsent(p.name(), p);
            if (earlier != null && !Objects.equals(earlier, p)) {
                throw error(null, "two packages are both named '" + p.name() + "': " + earlier.lockEntry() + " and " + p.lockEntry(),
                        "keep one of them in packages.yml");
            }
        }
    }

    private SmeltException error(SourcePosition at, String message, String hint) {
        return new SmeltException(ErrorKind.PROJECT, at, message, hint);
    }
}
