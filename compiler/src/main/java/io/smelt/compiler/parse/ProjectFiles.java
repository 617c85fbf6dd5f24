package io.smelt.compiler.parse;

import io.smelt.compiler.project.DbtProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
        List<Found> docs) {
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
        List<Found> models = new ArrayList<>();
        List<Found> seeds = new ArrayList<>();
        List<Found> tests = new ArrayList<>();
        List<Found> analyses = new ArrayList<>();
        List<Found> snapshots = new ArrayList<>();
        List<Found> macros = new ArrayList<>();
        List<Found> yaml = new ArrayList<>();
        List<Found> python = new ArrayList<>();
        for (String folder : project.modelPaths()) {
            walk(project, folder, ".sql", models);
            walk(project, folder, ".py", python);
            walk(project, folder, ".yml", yaml);
        }
        for (String folder : project.seedPaths()) {
            walk(project, folder, ".csv", seeds);
            walk(project, folder, ".yml", yaml);
        }
        for (String folder : project.macroPaths()) {
            walk(project, folder, ".sql", macros);
            walk(project, folder, ".yml", yaml);
        }
        List<Found> fixtures = new ArrayList<>();
        for (String folder : project.testPaths()) {
            List<Found> sql = new ArrayList<>();
            walk(project, folder, ".sql", sql);
            for (Found found : sql) {
                List<String> subfolders = found.subfolders();
                (subfolders.contains("fixtures") ? fixtures : subfolders.contains("generic") ? macros : tests).add(found);
            }
            List<Found> csv = new ArrayList<>();
            walk(project, folder, ".csv", csv);
            csv.stream().filter(found -> found.subfolders().contains("fixtures")).forEach(fixtures::add);
            walk(project, folder, ".yml", yaml);
        }
        for (String folder : project.analysisPaths()) {
            walk(project, folder, ".sql", analyses);
            walk(project, folder, ".yml", yaml);
        }
        for (String folder : project.snapshotPaths()) {
            walk(project, folder, ".sql", snapshots);
            walk(project, folder, ".yml", yaml);
        }
        List<Found> md = new ArrayList<>();
        for (String folder : project.docsPaths()) {
            walk(project, folder, ".md", md);
        }
        // docs paths may overlap (the default is every resource path): each file once
        java.util.Map<Path, Found> docs = new java.util.LinkedHashMap<>();
        md.forEach(found -> docs.putIfAbsent(found.path(), found));
        return new ProjectFiles(project, models, seeds, tests, analyses, snapshots, macros, yaml.stream().distinct().toList(),
                python.stream().map(Found::path).toList(), fixtures, List.copyOf(docs.values()));
    }

    private static void walk(DbtProject project, String folder, String extension, List<Found> out) {
        Path root = project.projectDir().resolve(folder).normalize();
        if (!Files.isDirectory(root)) {
            return;
        }
        Path base = project.projectDir().normalize();
        Path relativeFolder = base.relativize(root);
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> matches(file, extension))
                    .sorted()
                    .forEach(file -> out.add(new Found(base.relativize(file.normalize()), relativeFolder)));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
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
