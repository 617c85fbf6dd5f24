package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes and edits the files of scratch projects that tests build on disk. */
final class TestingFiles {
    private TestingFiles() {
    }

    /** Writes {@code text} to {@code file}, creating its folders. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Copies the project folder {@code source} to {@code destination}, leaving out what a run wrote ({@code target/}, {@code logs/}). */
    static void copyProject(Path source, Path destination) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (relative.startsWith("target") || relative.startsWith("logs")) {
                    continue;
                }
                Path copy = destination.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                }
                else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    /** Replaces {@code from} with {@code to} in {@code file}; {@code from} must be there, or the edit would test nothing. */
    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /**
     * A project {@code shop} in {@code dir/shop} on DuckDB ({@code dir/shop.duckdb}): its dbt_project.yml
     * with {@code version} and {@code extra} appended, and its profiles.yml.
     */
    static Path shop(Path dir, String version, String extra) throws IOException {
        Path project = dir.resolve("shop");
        write(project.resolve("dbt_project.yml"), """
                name: shop
                version: '%s'
                config-version: 2
                profile: shop
                """.formatted(version) + extra);
        TestingProjects.writeProfile(project, Map.of("type", "duckdb", "path", dir.resolve("shop.duckdb").toString()));
        return project;
    }
}
