package io.smelt.adapter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK that runs the Spark Thrift server: {@code $SMELT_SPARK_JAVA_HOME}, else the JDK running
 * the tests when it is Java 17, else a Java 17 under /usr/lib/jvm. Spark 3.5 is tested on 17, not on 25.
 */
final class SparkJavaRuntime {
    static final String ENVIRONMENT_VARIABLE = "SMELT_SPARK_JAVA_HOME";
    private static final int WANTED_FEATURE = 17;
    private static final Path JVM_ROOT = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private SparkJavaRuntime() {
    }

    /** The java executable that runs the server; fails saying what is missing and how to fix it. */
    static Path findJava() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path java = Path.of(configured, "bin", "java");
            if (!Files.isExecutable(java)) {
                throw new IllegalStateException(ENVIRONMENT_VARIABLE + "=" + configured + " is not a JDK home: it has no bin/java");
            }
            return java;
        }
        if (Runtime.version().feature() == WANTED_FEATURE) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        for (Path home : candidates()) {
            if (isJava17(home)) {
                return home.resolve("bin/java");
            }
        }
        throw new IllegalStateException("No Java " + WANTED_FEATURE + " for the Spark test server: the tests run on Java "
                + Runtime.version().feature() + " and " + JVM_ROOT + " has none; install a JDK 17 or set "
                + ENVIRONMENT_VARIABLE + " to a JDK 17 home.");
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

    private static boolean isJava17(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return false;
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() && Integer.parseInt(matcher.group(1)) == WANTED_FEATURE;
        }
        catch (IOException e) {
            return false;
        }
    }
}
