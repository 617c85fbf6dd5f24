package io.smelt.compiler.parse;

import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.project.TextFiles;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The files of one package, by role (and {@code unsupported}: model files Smelt cannot run yet), each as a path relative to the package root (as dbt's
 * {@code original_file_path}) together with the resource folder it was found under; {@code docs} are
 * the {@code .md} files under the docs paths.
 */
public record ProjectFiles(
        DbtProject project,
        List<Found> models,
        List<Found> seeds,
        List<Found> singularTests,
        List<Found> analyses,
        List<Found> snapshots,
        List<Found> macros,
        List<Found> yaml,
        List<Path> unsupported,
        List<Found> fixtures,
        List<Found> docs,
        List<Skipped> skipped) {
    /** A file or folder left out, relative to the package root when it is inside it, and why. */
    public record Skipped(Path path, String reason) {
    }

    /**
     * @param path relative to the package root ({@code models/staging/stg_orders.sql})
     * @param folder the resource folder it is under ({@code models}), relative to the package root
     */
    public record Found(Path path, Path folder) {
        /** Folders between the resource folder and the file, for the fqn. */
        public List<String> subfolders() {
            List<String> parts = new ArrayList<>();
            Path relative = folder.relativize(path).getParent();
            if (relative != null) {
                relative.forEach(part -> parts.add(part.toString()));
            }
            return parts;
        }

        /** The file name without its extension. */
        public String stem() {
            String name = path.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }
    }

    public static ProjectFiles scan(DbtProject project) {
        Lister lister = new Lister(project);
        List<Found> models = new ArrayList<>();
        List<Found> seeds = new ArrayList<>();
        List<Found> tests = new ArrayList<>();
        List<Found> analyses = new ArrayList<>();
        List<Found> snapshots = new ArrayList<>();
        List<Found> macros = new ArrayList<>();
        List<Found> yaml = new ArrayList<>();
        List<Found> python = new ArrayList<>();
        lister.walk(project.modelPaths(), ".sql", models);
        lister.walk(project.modelPaths(), ".py", python);
        lister.walk(project.seedPaths(), ".csv", seeds);
        lister.walk(project.macroPaths(), ".sql", macros);
        List<Found> fixtures = new ArrayList<>();
        for (String folder : project.testPaths()) {
            List<Found> sql = new ArrayList<>();
            lister.walk(folder, ".sql", sql);
            for (Found found : sql) {
                List<String> subfolders = found.subfolders();
                (subfolders.contains("fixtures") ? fixtures : subfolders.contains("generic") ? macros : tests).add(found);
            }
            List<Found> csv = new ArrayList<>();
            lister.walk(folder, ".csv", csv);
            csv.stream().filter(found -> found.subfolders().contains("fixtures")).forEach(fixtures::add);
        }
        lister.walk(project.analysisPaths(), ".sql", analyses);
        lister.walk(project.snapshotPaths(), ".sql", snapshots);
        // every resource folder but the docs paths may hold property files
        for (List<String> folders : List.of(project.modelPaths(), project.seedPaths(), project.macroPaths(),
                project.testPaths(), project.analysisPaths(), project.snapshotPaths())) {
            lister.walk(folders, ".yml", yaml);
        }
        List<Found> md = new ArrayList<>();
        lister.walk(project.docsPaths(), ".md", md);
        // docs paths may overlap (the default is every resource path): each file once
        java.util.Map<Path, Found> docs = new java.util.LinkedHashMap<>();
        md.forEach(found -> docs.putIfAbsent(found.path(), found));
        return new ProjectFiles(project, models, seeds, tests, analyses, snapshots, macros, yaml.stream().distinct().toList(),
                python.stream().map(Found::path).toList(), fixtures, List.copyOf(docs.values()), List.copyOf(lister.skipped));
    }

    /** Lists each resource folder once, following symbolic links as dbt does; broken links and loops are warnings. */
    private static final class Lister {
        private final DbtProject project;
        private final Path base;
        private final Map<Path, List<Path>> listings = new HashMap<>();
        private final Set<Skipped> skipped = new LinkedHashSet<>();

        Lister(DbtProject project) {
            this.project = project;
            this.base = project.projectDir().normalize();
        }

        void walk(List<String> folders, String extension, List<Found> out) {
            for (String folder : folders) {
                walk(folder, extension, out);
            }
        }

        void walk(String folder, String extension, List<Found> out) {
            Path root = project.projectDir().resolve(folder).normalize();
            if (!Files.isDirectory(root)) {
                return;
            }
            Path relativeFolder = base.relativize(root);
            for (Path file : listings.computeIfAbsent(root, this::list)) {
                if (matches(file, extension)) {
                    out.add(new Found(base.relativize(file.normalize()), relativeFolder));
                }
            }
        }

        private List<Path> list(Path root) {
            List<Path> files = new ArrayList<>();
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            files.add(file);
                        }
                        else if (attributes.isSymbolicLink()) {
                            skipped.add(new Skipped(shown(file), "skipped: a symbolic link to " + target(file) + ", which does not exist"));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof FileSystemLoopException) {
                            skipped.add(new Skipped(shown(file), "skipped: a symbolic link that leads back into a folder above it (a loop)"));
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
            }
            catch (IOException e) {
                throw unreadable(e);
            }
            files.sort(null);
            return files;
        }

        private SmeltException unreadable(IOException e) {
            Path path = e instanceof FileSystemException fse && fse.getFile() != null ? Path.of(fse.getFile()) : base;
            return TextFiles.unreadable(path, shown(path), e);
        }

        private Path shown(Path file) {
            Path normal = file.normalize();
            return normal.startsWith(base) ? base.relativize(normal) : normal;
        }

        private static String target(Path link) {
            try {
                return Files.readSymbolicLink(link).toString();
            }
            catch (IOException e) {
                return "a path";
            }
        }
    }

    private static boolean matches(Path file, String extension) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        return ".yml".equals(extension) ? name.endsWith(".yml") || name.endsWith(".yaml") : name.endsWith(extension);
    }
}
