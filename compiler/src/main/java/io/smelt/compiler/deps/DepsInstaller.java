package io.smelt.compiler.deps;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.project.PackageLock;
import io.smelt.compiler.project.PackageSpec;
import io.smelt.compiler.project.PackagesFile;
import io.smelt.compiler.project.ProjectLoader;
import io.smelt.compiler.project.YamlRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code deps}, as dbt does it: when package-lock.yml is missing, was made from other entries
 * ({@code sha1_hash}) or {@code --upgrade} is given, resolve packages.yml and write the lock; then
 * empty {@code packages-install-path} and install what the lock pins. {@code local:} packages
 * become symbolic links to their folders (copies where links cannot be made), git packages are
 * cloned with the {@code git} binary, hub packages are downloaded from the archive URL the hub gives.
 */
public final class DepsInstaller {
    /** One installed package: its project name and what was installed ({@code version 1.2.0}, {@code revision <sha>}). */
    public record Installed(String name, String source, String version) {
    }

    /** What deps did: whether it wrote the lock file, and the packages installed (none with {@code --lock}). */
    public record Result(boolean lockWritten, List<Installed> installed) {
        public Result {
            installed = List.copyOf(installed);
        }
    }

    private final DbtProject root;
    private final YamlRenderer renderer;
    private final HubClient hub;
    private final GitClient git = new GitClient();
    private final Consumer<String> log;

    /**
     * @param environment where {@code DBT_PACKAGE_HUB_URL} (the hub's base URL) is read from
     * @param log receives a line per step ({@code Installing package: dbt-labs/dbt_utils})
     */
    public DepsInstaller(DbtProject root, YamlRenderer renderer, Map<String, String> environment, Consumer<String> log) {
        this.root = root;
        this.renderer = renderer;
        this.hub = new HubClient(environment);
        this.log = log;
    }

    /**
     * @param upgrade resolve again even when the lock file is current
     * @param lockOnly write the lock file, install nothing
     * @throws SmeltException when an entry is wrong or a package cannot be fetched, with the entry's file and line
     */
    public Result run(boolean upgrade, boolean lockOnly) {
        PackagesFile declared = PackagesFile.read(root.projectDir(), Path.of(""), renderer);
        Path downloads;
        try {
            downloads = Files.createTempDirectory("smelt-deps");
        }
        catch (IOException e) {
            throw new SmeltException(ErrorKind.PROJECT, null, "cannot create a folder for downloads: " + e.getMessage(), null, e);
        }
        try {
            return run(declared, downloads, upgrade, lockOnly);
        }
        finally {
            try {
                DepsFiles.delete(downloads);
            }
            catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }

    private Result run(PackagesFile declared, Path downloads, boolean upgrade, boolean lockOnly) {
        Path installDir = root.packagesDir();
        if (declared.packages().isEmpty()) {
            log.accept("No packages were found in packages.yml or dependencies.yml");
            return new Result(false, List.of());
        }
        String hash = PackageLock.hash(declared.packages());
        PackageLock lock = PackageLock.readIfPresent(root.projectDir());
        DepsResolver.Checkouts checkouts = new DepsResolver.Checkouts(downloads);
        boolean lockWritten = false;
        if (lock == null || upgrade || !hash.equals(lock.sha1Hash())) {
            List<DepsResolver.Pinned> pinned = new DepsResolver(root, renderer, hub, git, checkouts).resolve(declared.packages());
            lock = new PackageLock(pinned.stream().map(DepsResolver.Pinned::lockEntry).toList(), hash);
            try {
                lock.write(root.projectDir());
            }
            catch (IOException e) {
                throw new SmeltException(ErrorKind.PROJECT, SourcePosition.of(Path.of(PackageLock.FILE_NAME)),
                        "cannot write the lock file: " + e.getMessage(), null, e);
            }
            lockWritten = true;
            log.accept("Updated lock file " + PackageLock.FILE_NAME);
        }
        if (lockOnly) {
            return new Result(lockWritten, List.of());
        }
        SourcePosition lockFile = SourcePosition.of(Path.of(PackageLock.FILE_NAME));
        try {
            DepsFiles.delete(installDir);
            Files.createDirectories(installDir);
        }
        catch (IOException e) {
            throw new SmeltException(ErrorKind.PROJECT, root.positionOf("packages-install-path"),
                    "cannot empty " + installDir + ": " + e.getMessage(), null, e);
        }
        List<Installed> installed = new ArrayList<>();
        for (Map<String, Object> entry : lock.packages()) {
            Object name = entry.get("name");
            try {
                installed.add(done(name != null
                        ? install(entry, name.toString(), installDir.resolve(name.toString()), downloads, checkouts)
                        : installUnnamed(entry, installDir, downloads, checkouts)));
            }
            catch (IOException e) {
                throw new SmeltException(ErrorKind.PROJECT, lockFile, "cannot install the package "
                        + (name != null ? name : entry) + ": " + e.getMessage(),
                        "check the network and the package's source, then run smelt deps again", e);
            }
        }
        return new Result(lockWritten, installed);
    }

    private Installed install(Map<String, Object> entry, String name, Path target, Path downloads, DepsResolver.Checkouts checkouts)
            throws IOException {
        if (entry.containsKey("local")) {
            String local = text(entry.get("local"));
            log.accept("Installing local: " + local);
            Path source = root.projectDir().resolve(local).toAbsolutePath().normalize();
            try {
                // dbt links a local package rather than copying it, so edits show at once
                Files.createSymbolicLink(target, source);
            }
            catch (IOException | UnsupportedOperationException e) {
                DepsFiles.copyTree(source, target);
            }
            return new Installed(name, "local: " + local, "<local @ " + local + ">");
        }
        if (entry.containsKey("git")) {
            String url = text(entry.get("git"));
            String revision = text(entry.get("revision"));
            String subdirectory = entry.get("subdirectory") == null ? null : text(entry.get("subdirectory"));
            log.accept("Installing git: " + url);
            String key = "git:" + url + (subdirectory == null ? "" : "/" + subdirectory) + "@" + revision;
            Path checkout = checkouts.byKey.get(key);
            if (checkout == null) {
                checkout = checkouts.next();
                git.checkout(url, revision, checkout);
            }
            Path folder = subdirectory == null ? checkout : checkout.resolve(subdirectory).normalize();
            DepsFiles.move(folder, target);
            return new Installed(name, "git: " + url, "revision " + revision);
        }
        if (entry.containsKey("package")) {
            String id = text(entry.get("package"));
            String version = text(entry.get("version"));
            log.accept("Installing package: " + id);
            JsonNode metadata = hub.versions(id).get(version);
            if (metadata == null) {
                throw new IOException("the hub has no version " + version + " of " + id);
            }
            String tarball = metadata.path("downloads").path("tarball").asText(null);
            if (tarball == null) {
                throw new IOException("the hub gives no downloads.tarball for " + id + " " + version);
            }
            unpack(tarball, target, downloads);
            return new Installed(name, "package: " + id, "version " + version);
        }
        if (entry.containsKey("tarball")) {
            String url = text(entry.get("tarball"));
            log.accept("Installing tarball: " + url);
            unpack(url, target, downloads);
            return new Installed(name, "tarball: " + url, "tarball");
        }
        throw new IOException("the lock file entry " + entry + " has none of local, git, package or tarball");
    }

    /**
     * An entry without {@code name}, as dbt 1.7 wrote lock files: installed under a temporary name, then
     * moved to the name its own {@code dbt_project.yml} gives, as dbt's deps names the folder.
     */
    private Installed installUnnamed(Map<String, Object> entry, Path installDir, Path downloads,
            DepsResolver.Checkouts checkouts) throws IOException {
        Path staging = Files.createTempDirectory(installDir, ".unnamed");
        Files.delete(staging);
        Installed done = install(entry, staging.getFileName().toString(), staging, downloads, checkouts);
        Path projectFile = staging.resolve(ProjectLoader.FILE_NAME);
        if (!Files.isRegularFile(projectFile)) {
            throw new IOException("it has no " + ProjectLoader.FILE_NAME);
        }
        String name = ProjectLoader.load(staging, projectFile, renderer).name();
        DepsFiles.move(staging, installDir.resolve(name));
        return new Installed(name, done.source(), done.version());
    }

    private void unpack(String url, Path target, Path downloads) throws IOException {
        Path archive = Files.createTempFile(downloads, "package", ".tar.gz");
        hub.download(url, archive);
        Path top = DepsFiles.untar(archive, Files.createTempDirectory(downloads, "unpacked"));
        DepsFiles.move(top, target);
    }

    private Installed done(Installed installed) {
        log.accept("Installed " + installed.name() + " from " + installed.version());
        return installed;
    }

    /** Lock values as written may hold Jinja (an env_var in a git URL); render them as dbt does. */
    private String text(Object value) {
        String text = String.valueOf(value);
        return YamlRenderer.isTemplate(text) ? renderer.render(text, SourcePosition.of(Path.of(PackageLock.FILE_NAME))) : text;
    }
}
