package io.smelt.adapter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK that runs the Trino server. Trino 476 needs Java 24.0.1 or later; the build itself
 * stays on Java 17, so the server gets its own JDK: {@code $SMELT_TRINO_JAVA_HOME}, else a JDK 25
 * under /usr/lib/jvm.
 */
final class TrinoJavaRuntime {
    static final String ENVIRONMENT_VARIABLE = "SMELT_TRINO_JAVA_HOME";
    private static final int MINIMUM_FEATURE = 24;
    private static final int WANTED_FEATURE = 25;
    private static final Path JVM_ROOT = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private TrinoJavaRuntime() {
    }

    /** A JDK home whose bin/java runs Trino; fails saying what is missing and how to fix it. */
    static Path find() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            OptionalInt feature = featureVersion(home);
            if (feature.isEmpty()) {
                throw new IllegalStateException(ENVIRONMENT_VARIABLE + "=" + configured
                        + " is not a JDK home (it needs bin/java and a release file); point it at a Java 25 JDK");
            }
            if (feature.getAsInt() < MINIMUM_FEATURE) {
                throw new IllegalStateException(ENVIRONMENT_VARIABLE + "=" + configured + " is Java " + feature.getAsInt()
                        + "; the Trino test server needs Java " + MINIMUM_FEATURE + " or later (Java 25 is what the tests run on)");
            }
            return home;
        }
        List<String> seen = new ArrayList<>();
        for (Path home : candidates()) {
            OptionalInt feature = featureVersion(home);
            if (feature.isPresent() && feature.getAsInt() == WANTED_FEATURE) {
                return home;
            }
            seen.add(home.getFileName() + (feature.isPresent() ? " (Java " + feature.getAsInt() + ")" : ""));
        }
        throw new IllegalStateException("No Java " + WANTED_FEATURE + " for the Trino test server: none under " + JVM_ROOT
                + (seen.isEmpty() ? "" : " (found: " + String.join(", ", seen) + ")")
                + ". Install a JDK 25 there (e.g. Eclipse Temurin 25) or set " + ENVIRONMENT_VARIABLE + " to a JDK 25 home.");
    }

    private static List<Path> candidates() {
        if (!Files.isDirectory(JVM_ROOT)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(JVM_ROOT)) {
            return homes.filter(Files::isDirectory).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionalInt featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
        }
        catch (IOException e) {
            return OptionalInt.empty();
        }
    }
}
