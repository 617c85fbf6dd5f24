package io.smelt.adapter.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class path of the Spark Thrift server, resolved from Maven Central by a separate Maven process
 * from the {@code spark-server/pom.xml} resource of this module, so Spark's Scala, Jackson and Guava never reach
 * the project's own class path. The result is cached under {@code ~/.cache/smelt/spark-3.5.4/<pom hash>/}.
 */
final class SparkServerClassPath {
    static final String POM_RESOURCE = "spark-server/pom.xml";
    static final String MAVEN_PROPERTY = "smelt.spark.maven";
    static final String REPOSITORY_PROPERTY = "smelt.spark.repository";
    static final String SPARK_VERSION = "3.5.4";
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    // a cold local repository downloads about 260 MB
    private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(20);
    private static final Logger LOG = LoggerFactory.getLogger(SparkServerClassPath.class);

    private SparkServerClassPath() {
    }

    /** The jars of the server, resolving them first unless an earlier run cached them. */
    static List<Path> resolve() {
        byte[] pom = readPom();
        Path cache = cacheRoot().resolve("spark-" + SPARK_VERSION).resolve(sha256(pom).substring(0, 16));
        Path classPathFile = cache.resolve("classpath.txt");
        try {
            Files.createDirectories(cache);
            if (Files.isRegularFile(classPathFile)) {
                List<Path> jars = parse(Files.readString(classPathFile));
                if (!jars.isEmpty() && jars.stream().allMatch(Files::isRegularFile)) {
                    return jars;
                }
                LOG.info("cached Spark class path {} names jars that are gone; resolving again", classPathFile);
            }
            Files.write(cache.resolve("pom.xml"), pom);
            Path partial = Files.createTempFile(cache, "classpath-", ".txt");
            long startNanos = System.nanoTime();
            runMaven(cache, partial);
            List<Path> jars = parse(Files.readString(partial));
            if (jars.isEmpty()) {
                throw new IllegalStateException("Maven resolved an empty class path for the Spark server from " + cache.resolve("pom.xml"));
            }
            Files.move(partial, classPathFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("resolved the Spark {} server class path ({} jars) in {} ms", SPARK_VERSION, jars.size(),
                    (System.nanoTime() - startNanos) / 1_000_000);
            return jars;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot cache the Spark server class path under " + cache + ": " + e.getMessage(), e);
        }
    }

    private static void runMaven(Path cache, Path output)
            throws IOException {
        Path log = cache.resolve("resolve.log");
        List<String> command = new ArrayList<>(List.of(
                System.getProperty(MAVEN_PROPERTY, "mvn"), "-B", "-ntp",
                "-f", cache.resolve("pom.xml").toString(),
                DEPENDENCY_PLUGIN + ":build-classpath",
                "-Dmdep.outputFile=" + output,
                "-Dmdep.includeScope=runtime"));
        String repository = System.getProperty(REPOSITORY_PROPERTY);
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(cache.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot run Maven (" + command.get(0) + ") to resolve the Spark server's class path: "
                    + e.getMessage() + "; set -D" + MAVEN_PROPERTY + " to the mvn executable", e);
        }
        try {
            if (!process.waitFor(RESOLVE_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Maven did not resolve the Spark server's class path within "
                        + RESOLVE_TIMEOUT.toMinutes() + " minutes; log " + log + " ends with:\n" + ServerLogs.tail(log));
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving the Spark server's class path", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Maven could not resolve the Spark server's class path (exit " + process.exitValue()
                    + ", command " + String.join(" ", command) + "); log " + log + " ends with:\n" + ServerLogs.tail(log));
        }
    }

    private static byte[] readPom() {
        URL url = Thread.currentThread().getContextClassLoader().getResource(POM_RESOURCE);
        if (url == null) {
            url = SparkServerClassPath.class.getClassLoader().getResource(POM_RESOURCE);
        }
        if (url == null) {
            throw new IllegalStateException(POM_RESOURCE + " is not on the class path; smelt-adapter-testing's resources "
                    + "(adapters/testing/src/main/resources/spark-server/pom.xml) define the Spark server's class path");
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("smelt");
    }

    private static List<Path> parse(String classPath) {
        return Arrays.stream(classPath.strip().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
