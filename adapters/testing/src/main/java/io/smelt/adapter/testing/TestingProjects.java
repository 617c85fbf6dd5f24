package io.smelt.adapter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fixture projects on disk ({@code adapters/testing/src/test/resources/projects/<name>} and the
 * repository's {@code sample-project}), copied into a scratch folder with a profiles.yml for the
 * engine under test.
 */
public final class TestingProjects {
    private static final Pattern PROFILE = Pattern.compile("(?m)^profile:\\s*['\"]?([A-Za-z0-9_]+)");

    private TestingProjects() {
    }

    /** The repository root, found by walking up from the working directory. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("adapters/testing/src/test/resources/projects"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    /**
     * A fixture's source folder: a name under the shared fixtures (such as {@code bad/failing_model}),
     * else a path from the repository root: {@code sample-project}, or an engine module's own fixture such as
     * {@code adapters/spark/src/test/resources/projects/spark_features}.
     */
    public static Path source(String name) {
        Path root = repositoryRoot();
        Path fixture = root.resolve("adapters/testing/src/test/resources/projects").resolve(name);
        return Files.isDirectory(fixture) ? fixture : root.resolve(name);
    }

    /**
     * Copies a fixture into {@code into} and writes a profiles.yml beside its dbt_project.yml whose
     * only target, {@code test}, has the given fields.
     */
    public static Path copy(String name, Path into, Map<String, Object> targetFields) {
        Path source = source(name);
        Path destination = into.resolve(source.getFileName().toString());
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path relative = source.relativize(path);
                if (relative.startsWith("target") || relative.startsWith("logs")) {
                    continue;
                }
                Path copy = destination.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                }
                else {
                    Files.copy(path, copy);
                }
            }
            writeProfile(destination, targetFields);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return destination;
    }

    /** Writes {@code profiles.yml} beside the project's dbt_project.yml: one target, {@code test}, with the given fields. */
    public static void writeProfile(Path project, Map<String, Object> fields) throws IOException {
        String text = Files.readString(project.resolve("dbt_project.yml"));
        Matcher matcher = PROFILE.matcher(text);
        String profile = matcher.find() ? matcher.group(1) : project.getFileName().toString();
        StringBuilder yaml = new StringBuilder(profile).append(":\n  target: test\n  outputs:\n    test:\n");
        fields.forEach((key, value) -> yaml.append("      ").append(key).append(": ").append(yamlValue(value)).append('\n'));
        Files.writeString(project.resolve("profiles.yml"), yaml.toString());
    }

    private static String yamlValue(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}
