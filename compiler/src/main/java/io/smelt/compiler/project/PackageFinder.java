package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the root project's packages: every folder under its {@code packages-install-path} holding a
 * dbt_project.yml (as {@code deps} leaves them), and the {@code local:} packages packages.yml or
 * dependencies.yml declare, read from their own folders. A declared package that is not installed
 * is an error. Installing is {@code io.smelt.compiler.deps.DepsInstaller}'s job.
 */
public final class PackageFinder {
    private static final Logger log = LoggerFactory.getLogger(PackageFinder.class);

    private PackageFinder() {
    }

    /**
     * The installed packages, loaded, in folder-name order.
     *
     * @throws SmeltException when a package's dbt_project.yml is wrong, or two packages share a name
     */
    public static List<DbtProject> find(DbtProject root, YamlRenderer renderer) {
        PackagesFile declared = PackagesFile.read(root.projectDir(), Path.of(""), renderer);
        Map<String, DbtProject> byName = new LinkedHashMap<>();
        for (PackageSpec spec : declared.packages()) {
            if (spec instanceof PackageSpec.Local local) {
                DbtProject project = loadLocal(root, local, renderer);
                add(root, byName, project);
            }
        }
        Map<String, DbtProject> installed = installed(root, renderer);
        installed.forEach((name, project) -> {
            if (!byName.containsKey(name)) {
                add(root, byName, project);
            }
        });
        checkInstalled(root, declared, byName);
        return new ArrayList<>(byName.values());
    }

    private static DbtProject loadLocal(DbtProject root, PackageSpec.Local local, YamlRenderer renderer) {
        Path folder = root.projectDir().resolve(local.path()).normalize();
        if (!Files.isRegularFile(folder.resolve(ProjectLoader.FILE_NAME))) {
            throw new SmeltException(ErrorKind.PROJECT, local.at(), "the local package " + local.path() + " has no "
                    + ProjectLoader.FILE_NAME + (Files.isDirectory(folder) ? "" : ": the folder " + folder + " does not exist"),
                    "local: paths are relative to the folder of dbt_project.yml");
        }
        Path base = root.projectDir().toAbsolutePath().normalize();
        Path absolute = folder.toAbsolutePath().normalize();
        Path display = (absolute.startsWith(base) ? base.relativize(absolute) : absolute).resolve(ProjectLoader.FILE_NAME);
        return ProjectLoader.load(folder, display, renderer);
    }

    /** Every package {@code packages.yml} declares must be among those found, or deps was not run. */
    private static void checkInstalled(DbtProject root, PackagesFile declared, Map<String, DbtProject> found) {
        if (declared.packages().isEmpty()) {
            return;
        }
        PackageLock lock = PackageLock.readIfPresent(root.projectDir());
        Map<String, String> normalized = new LinkedHashMap<>();
        found.keySet().forEach(name -> normalized.put(normalize(name), name));
        for (PackageSpec spec : declared.packages()) {
            if (spec instanceof PackageSpec.Local) {
                continue;
            }
            String expected = expectedName(spec, lock);
            String key = normalize(expected);
            // a git repository dbt-audit-helper usually holds the project audit_helper (and dbt-utils holds dbt_utils)
            boolean guessed = spec.name() == null && (lock == null || lock.nameOf(spec) == null) && spec instanceof PackageSpec.Git;
            if (!normalized.containsKey(key) && !(guessed && key.startsWith("dbt_") && normalized.containsKey(key.substring(4)))) {
                throw new SmeltException(ErrorKind.PROJECT, spec.at(), "the package " + spec.describe() + " ('" + expected
                        + "') is declared but not installed in " + root.packagesInstallPath() + "/",
                        "run smelt deps to install the packages " + declared.file() + " declares");
            }
        }
    }

    /** The project name a declared package is expected to have: as the lock file names it, else guessed from its source. */
    static String expectedName(PackageSpec spec, PackageLock lock) {
        if (spec.name() != null) {
            return spec.name();
        }
        String locked = lock == null ? null : lock.nameOf(spec);
        if (locked != null) {
            return locked;
        }
        if (spec instanceof PackageSpec.Hub hub) {
            return hub.id().substring(hub.id().lastIndexOf('/') + 1);
        }
        if (spec instanceof PackageSpec.Git git) {
            String path = git.subdirectory() != null ? git.subdirectory() : git.url();
            path = path.replaceAll("/+$", "");
            String last = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
            return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
        }
        return ((PackageSpec.Local) spec).path();
    }

    private static String normalize(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static void add(DbtProject root, Map<String, DbtProject> byName, DbtProject project) {
        if (project.name().equals(root.name())) {
            throw new SmeltException(ErrorKind.PROJECT, project.positionOf("name"),
                    "the package in " + project.projectDir().getFileName() + " has the root project's name '" + root.name() + "'",
                    "rename the root project, or remove the package from packages.yml");
        }
        DbtProject earlier = byName.putIfAbsent(project.name(), project);
        if (earlier != null) {
            throw new SmeltException(ErrorKind.PROJECT, project.positionOf("name"),
                    "two packages are named '" + project.name() + "': " + earlier.file() + " and " + project.file(),
                    "remove one of them from " + root.packagesInstallPath() + " and from packages.yml");
        }
    }

    private static Map<String, DbtProject> installed(DbtProject root, YamlRenderer renderer) {
        Path installDir = root.packagesDir();
        if (!Files.isDirectory(installDir)) {
            return Map.of();
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(installDir)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        }
        catch (IOException e) {
            throw new SmeltException(ErrorKind.PROJECT, root.positionOf("packages-install-path"),
                    "cannot list the installed packages in " + installDir + ": " + e.getMessage(), null, e);
        }
        Map<String, DbtProject> byName = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isRegularFile(folder.resolve(ProjectLoader.FILE_NAME))) {
                log.debug("skipping {}: it has no {}", folder, ProjectLoader.FILE_NAME);
                continue;
            }
            Path display = Path.of(root.packagesInstallPath()).resolve(folder.getFileName()).resolve(ProjectLoader.FILE_NAME).normalize();
            DbtProject project = ProjectLoader.load(folder, display, renderer);
            if (project.name().equals(root.name())) {
                throw new SmeltException(ErrorKind.PROJECT, project.positionOf("name"),
                        "the installed package in " + folder.getFileName() + " has the root project's name '" + root.name() + "'",
                        "rename the root project, or remove the package from packages.yml");
            }
            DbtProject earlier = byName.putIfAbsent(project.name(), project);
            if (earlier != null) {
                throw new SmeltException(ErrorKind.PROJECT, project.positionOf("name"),
                        "two installed packages are named '" + project.name() + "': " + earlier.file() + " and " + project.file(),
                        "remove one of them from " + root.packagesInstallPath() + " and from packages.yml");
            }
        }
        return byName;
    }
}
