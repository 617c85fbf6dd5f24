package io.smelt.adapter.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A Trino server with the Iceberg and memory plugins, unpacked once per machine from the Maven
 * artifacts into {@code ~/.cache/smelt/trino-<version>/server}.
 *
 * <p>Maven resolves the artifacts while the adapters/trino module builds (its pom binds
 * {@code dependency:get}) and tells the tests its local repository through
 * {@code -Dsmelt.trino.repository}; run elsewhere, {@code ~/.m2/repository} is read.
 */
final class TrinoDistribution {
    static final String VERSION_PROPERTY = "smelt.trino.version";
    static final String REPOSITORY_PROPERTY = "smelt.trino.repository";
    private static final String DEFAULT_VERSION = "476";
    private static final String MARKER = "unpacked";
    private static final Logger LOG = LoggerFactory.getLogger(TrinoDistribution.class);

    private final String version;
    private final Path repository;
    private final Path cache;

    private TrinoDistribution(String version, Path repository, Path cache) {
        this.version = requireNonNull(version, "version is null");
        this.repository = requireNonNull(repository, "repository is null");
        this.cache = requireNonNull(cache, "cache is null");
    }

    static TrinoDistribution fromSystemProperties() {
        String version = property(VERSION_PROPERTY, DEFAULT_VERSION);
        Path home = Path.of(System.getProperty("user.home"));
        Path repository = Path.of(property(REPOSITORY_PROPERTY,
                property("maven.repo.local", home.resolve(".m2/repository").toString())));
        return new TrinoDistribution(version, repository, home.resolve(".cache/smelt/trino-" + version));
    }

    String version() {
        return version;
    }

    /** The unpacked server folder (bin/, lib/, plugin/), unpacking it first if no complete copy exists. */
    Path install() {
        Path server = cache.resolve("server");
        if (Files.exists(cache.resolve(MARKER))) {
            return server;
        }
        try {
            Files.createDirectories(cache);
            // Test runs of several checkouts share the cache: one unpacks while the others wait
            try (FileChannel lockFile = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.exists(cache.resolve(MARKER))) {
                    unpack(server);
                }
            }
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Trino " + version + " into " + cache + ": " + e.getMessage(), e);
        }
    }

    private void unpack(Path server)
            throws IOException {
        Path serverArchive = artifact("trino-server-core", "tar.gz");
        Path icebergArchive = artifact("trino-iceberg", "zip");
        Path memoryArchive = artifact("trino-memory", "zip");
        List<String> missing = new ArrayList<>();
        for (Path archive : List.of(serverArchive, icebergArchive, memoryArchive)) {
            if (!Files.isRegularFile(archive)) {
                missing.add(archive.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.format(
                    "Trino %1$s server artifacts are missing: %2$s. Maven downloads them (about 550 MB, once) when the "
                            + "adapters/trino tests run: mvn -B -pl adapters/trino -am verify (not with -DskipTrino or -o). "
                            + "To fetch them by hand: mvn dependency:get -Dtransitive=false -Dartifact=io.trino:trino-server-core:%1$s:tar.gz "
                            + "(and io.trino:trino-iceberg:%1$s:zip, io.trino:trino-memory:%1$s:zip)",
                    version, String.join(", ", missing)));
        }

        long start = System.nanoTime();
        Path partial = cache.resolve("server.partial");
        deleteRecursively(partial);
        deleteRecursively(server);
        ArchiveUnpacker.untarGz(serverArchive, partial);
        ArchiveUnpacker.unzip(icebergArchive, partial.resolve("plugin/iceberg"));
        ArchiveUnpacker.unzip(memoryArchive, partial.resolve("plugin/memory"));
        if (!Files.isExecutable(partial.resolve("bin/launcher"))) {
            throw new IOException("the unpacked server has no executable bin/launcher: " + serverArchive);
        }
        Files.move(partial, server, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(cache.resolve(MARKER), String.join("\n", serverArchive.toString(), icebergArchive.toString(), memoryArchive.toString()) + "\n");
        LOG.info("Unpacked Trino {} into {} in {} ms", version, server, (System.nanoTime() - start) / 1_000_000);
    }

    private Path artifact(String artifactId, String extension) {
        return repository.resolve("io/trino").resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + "." + extension);
    }

    static void deleteRecursively(Path root)
            throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
