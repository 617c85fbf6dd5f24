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
 * Finds the JDK a test server runs on, which need not be the one running the build: Trino 476 needs
 * Java 24 or later while Smelt builds on 17, and Spark 3.5 is tested on 17. The order: the server's
 * environment variable, else the JDK running the tests when it is the wanted version, else a JDK of
 * the wanted version under /usr/lib/jvm.
 */
final class ServerJavaRuntime {
    private static final Path JVM_ROOT = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private ServerJavaRuntime() {
    }

    /**
     * A JDK home whose bin/java runs the server; fails saying what is missing and how to fix it.
     *
     * @param variable the environment variable that names a JDK home for this server
     * @param server the server's name in messages
     * @param minimum the oldest Java the server runs on (checked for a configured JDK)
     * @param wanted the Java version the tests run the server on
     */
    static Path findHome(String variable, String server, int minimum, int wanted) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            OptionalInt feature = featureVersion(home);
            if (feature.isEmpty()) {
                throw new IllegalStateException(variable + "=" + configured
                        + " is not a JDK home (it needs bin/java and a release file); point it at a Java " + wanted + " JDK");
            }
            if (feature.getAsInt() < minimum) {
                throw new IllegalStateException(variable + "=" + configured + " is Java " + feature.getAsInt() + "; the " + server
                        + " needs Java " + minimum + " or later (Java " + wanted + " is what the tests run it on)");
            }
            return home;
        }
        if (Runtime.version().feature() == wanted) {
            return Path.of(System.getProperty("java.home"));
        }
        List<String> seen = new ArrayList<>();
        for (Path home : candidates()) {
            OptionalInt feature = featureVersion(home);
            if (feature.isPresent() && feature.getAsInt() == wanted) {
                return home;
            }
            seen.add(home.getFileName() + (feature.isPresent() ? " (Java " + feature.getAsInt() + ")" : ""));
        }
        throw new IllegalStateException("No Java " + wanted + " for the " + server + ": the tests run on Java "
                + Runtime.version().feature() + " and there is none under " + JVM_ROOT
                + (seen.isEmpty() ? "" : " (found: " + String.join(", ", seen) + ")")
                + ". Install a JDK " + wanted + " there (e.g. Eclipse Temurin " + wanted + ") or set " + variable
                + " to a JDK " + wanted + " home.");
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
