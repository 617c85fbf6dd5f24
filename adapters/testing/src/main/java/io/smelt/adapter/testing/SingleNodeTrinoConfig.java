package io.smelt.adapter.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The etc/ folder of a one-node Trino on loopback: coordinator and worker in one JVM, an Iceberg
 * catalog on the local file system with a file metastore (no external service), and a memory catalog.
 */
record SingleNodeTrinoConfig(int port, Path dataDirectory, Path warehouse, Path temporaryDirectory) {
    static final String LOOPBACK = "127.0.0.1";
    static final String ICEBERG_CATALOG = "iceberg";
    static final String MEMORY_CATALOG = "memory";

    SingleNodeTrinoConfig {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(temporaryDirectory, "temporaryDirectory is null");
    }

    void write(Path etc)
            throws IOException {
        Files.createDirectories(etc.resolve("catalog"));
        Files.createDirectories(dataDirectory);
        Files.createDirectories(warehouse);
        Files.createDirectories(temporaryDirectory);
        write(etc.resolve("node.properties"),
                "node.environment=test",
                "node.id=smelt-testing-trino",
                "node.data-dir=" + dataDirectory,
                // bind-ip alone still announces the machine's address to the node's own discovery client
                "node.bind-ip=" + LOOPBACK,
                "node.internal-address=" + LOOPBACK);
        write(etc.resolve("config.properties"),
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.port=" + port,
                "discovery.uri=http://" + LOOPBACK + ":" + port,
                // a query whose client was killed (TestTrinoIncrementalKill) is abandoned after this rather
                // than the default 5 minutes; a live client polls far more often
                "query.client.timeout=30s");
        write(etc.resolve("jvm.config"),
                "-server",
                "-Xmx1G",
                "-XX:+UseG1GC",
                // Tests send many small queries to a short-lived server on 2 cores, where C2's compiling
                // costs more than it saves: C1 alone halved start time and CPU time in a measured run
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExplicitGCInvokesConcurrent",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-OmitStackTraceInFastThrow",
                "-Djdk.attach.allowAttachSelf=true",
                "-Djdk.nio.maxCachedBufferSize=2000000",
                // Trino loads the JOL agent at run time and calls sun.misc.Unsafe; both warn on Java 24+ otherwise
                "-XX:+EnableDynamicAgentLoading",
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules=jdk.incubator.vector",
                "-Djava.io.tmpdir=" + temporaryDirectory);
        write(etc.resolve("catalog").resolve(ICEBERG_CATALOG + ".properties"),
                "connector.name=iceberg",
                "iceberg.catalog.type=TESTING_FILE_METASTORE",
                "hive.metastore.catalog.dir=local:///",
                "fs.native-local.enabled=true",
                "local.location=" + warehouse);
        write(etc.resolve("catalog").resolve(MEMORY_CATALOG + ".properties"),
                "connector.name=memory");
    }

    private static void write(Path file, String... lines)
            throws IOException {
        Files.write(file, List.of(lines));
    }
}
