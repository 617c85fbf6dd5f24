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
 * Finds the packages installed under the root project's {@code packages-install-path}: every
 * folder there holding a dbt_project.yml. Installing them (packages.yml) is not done here.
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
        Path installDir = root.packagesDir();
        if (!Files.isDirectory(installDir)) {
            return List.of();
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
        return new ArrayList<>(byName.values());
    }
}
