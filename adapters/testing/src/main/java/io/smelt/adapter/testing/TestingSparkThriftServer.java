package io.smelt.adapter.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Spark 3.5 Thrift server (HiveServer2 protocol) with Delta Lake in its own JVM on 127.0.0.1:
 * {@code local[2]}, a Derby metastore and a warehouse in a temp folder. One server serves a whole test
 * run: {@link #shared()} starts it on first use and a shutdown hook stops it.
 *
 * <p>The server's class path comes from Maven Central through a separate Maven process (see
 * {@link SparkServerClassPath}). Tests talk to it over JDBC with a {@code jdbc:hive2} driver on their
 * own class path. {@code -DskipSpark} (passed on as {@code smelt.spark.skip}) skips the tests that ask
 * for the server; anything else that stops it from starting fails them with the reason.
 */
public final class TestingSparkThriftServer
        implements Closeable {
    static final String SKIP_PROPERTY = "smelt.spark.skip";
    static final String SERVER_OPTIONS_VARIABLE = "SMELT_SPARK_SERVER_OPTS";
    static final String WORK_DIRECTORY_PROPERTY = "smelt.spark.workDirectory";
    private static final String MAIN_CLASS = "org.apache.spark.sql.hive.thriftserver.HiveThriftServer2";
    private static final String NAME = "Spark Thrift test server";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    // Spark 3.5's launcher passes these on Java 17 (org.apache.spark.launcher.JavaModuleOptions)
    private static final List<String> MODULE_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private static final SharedServer<TestingSparkThriftServer> SHARED = new SharedServer<>(
            "Spark", SKIP_PROPERTY, "-DskipSpark", () -> start(0), server -> server.process.closed());

    private final ServerProcess process;

    private TestingSparkThriftServer(ServerProcess process) {
        this.process = process;
    }

    /** The server of this test run (JVM), started on the first call; later calls return it at once. */
    public static TestingSparkThriftServer shared() {
        return SHARED.get();
    }

    public String host() {
        return ServerProcesses.LOOPBACK;
    }

    public int port() {
        return process.port();
    }

    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    /** Stops the server by its PID (SIGTERM, then SIGKILL after a minute) and waits for it to exit. */
    @Override
    public void close() {
        process.close();
    }

    private static String jdbcUrl(int port) {
        return "jdbc:hive2://" + ServerProcesses.LOOPBACK + ":" + port + "/default";
    }

    /**
     * Starts a server for a person to use (what {@code scripts/spark-server} runs) and keeps it up
     * until the process is stopped: {@code [--port N]}, 10000 by default as in Spark's own
     * {@code start-thriftserver.sh}.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 10000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            }
            else {
                System.err.println("usage: spark-server [--port N]");
                System.exit(2);
            }
        }
        TestingSparkThriftServer server;
        try {
            server = start(port);
        }
        catch (RuntimeException e) {
            System.err.println("spark-server: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("Spark " + SparkServerClassPath.SPARK_VERSION + " Thrift server with Delta Lake on "
                + server.host() + ":" + server.port() + " (" + server.jdbcUrl() + ")");
        System.out.println("warehouse and metastore: " + server.process.workDirectory() + " (deleted on exit); stop with Ctrl-C");
        Thread.currentThread().join();
    }

    /** Starts a server on {@code fixedPort}, or on a free port when it is 0. */
    private static TestingSparkThriftServer start(int fixedPort) {
        try {
            DriverManager.getDriver(jdbcUrl(10000));
        }
        catch (SQLException e) {
            throw new IllegalStateException("no jdbc:hive2 driver on the test class path to talk to the " + NAME
                    + " (add org.apache.kyuubi:kyuubi-hive-jdbc-shaded): " + e.getMessage(), e);
        }
        Path java = ServerJavaRuntime.findHome("SMELT_SPARK_JAVA_HOME", NAME, 17, 17).resolve("bin/java");
        List<Path> classPath = SparkServerClassPath.resolve();
        Path workDirectory = ServerProcess.createWorkDirectory(WORK_DIRECTORY_PROPERTY, "smelt-spark-", NAME);
        return new TestingSparkThriftServer(ServerProcess.start("Spark " + SparkServerClassPath.SPARK_VERSION + " Thrift server",
                workDirectory, fixedPort, (port, log) -> launch(java, classPath, workDirectory.resolve("port-" + port), port, log),
                TestingSparkThriftServer::awaitStarted));
    }

    private static Process launch(Path java, List<Path> classPath, Path run, int port, Path log) {
        try {
            Path tmp = Files.createDirectories(run.resolve("tmp"));
            // an argument file keeps the class path (about 190 jars) out of the command line
            Path classPathArgument = run.resolve("classpath.args");
            Files.writeString(classPathArgument, "-cp \"" + classPath.stream().map(Path::toString).collect(Collectors.joining(":"))
                    .replace("\\", "\\\\") + "\"\n");
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            // the whole Spark module shares one server; with 1 GB it slowed to minutes per test and died late
            // in the run (2026-11-27, after this session added suites), most likely out of heap
            command.add("-Xmx2g");
            command.addAll(MODULE_OPTIONS);
            // extra flags come last, so they win (SMELT_SPARK_SERVER_OPTS=-XX:TieredStopAtLevel=4 -Xmx4g)
            String extra = System.getenv(SERVER_OPTIONS_VARIABLE);
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.add("-Djava.io.tmpdir=" + tmp);
            command.add("-Dderby.system.home=" + run);
            sparkConf(run).forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("@" + classPathArgument);
            command.add(MAIN_CLASS);
            hiveConf(run, port).forEach((key, value) -> {
                command.add("--hiveconf");
                command.add(key + "=" + value);
            });
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(run.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("_JAVA_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("SPARK_HOME");
            builder.environment().remove("HADOOP_CONF_DIR");
            builder.environment().put("SPARK_LOCAL_IP", ServerProcesses.LOOPBACK);
            return builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + NAME + " with " + java + ": " + e.getMessage(), e);
        }
    }

    // HiveThriftServer2 builds its SparkConf from spark.* system properties, as spark-submit passes them
    private static Map<String, String> sparkConf(Path run) {
        return Map.ofEntries(
                Map.entry("spark.master", "local[2]"),
                Map.entry("spark.app.name", "smelt-testing-spark-thrift-server"),
                Map.entry("spark.driver.host", ServerProcesses.LOOPBACK),
                Map.entry("spark.driver.bindAddress", ServerProcesses.LOOPBACK),
                Map.entry("spark.ui.enabled", "false"),
                // Test tables hold at most a few thousand rows: one shuffle partition, no re-planning between
                // stages and no generated code for each query's plan cut the server's CPU time for the
                // sample project's build by about a fifth (19.7 s -> 15.8 s, docs/benchmarks.md)
                Map.entry("spark.sql.shuffle.partitions", "1"),
                Map.entry("spark.sql.adaptive.enabled", "false"),
                Map.entry("spark.sql.codegen.wholeStage", "false"),
                // Delta rebuilds a table's state with 50 tasks by default: one is enough for test-sized
                // tables, and it halves the time of a project build (sample project: 27 s -> 11 s)
                Map.entry("spark.databricks.delta.snapshotPartitions", "1"),
                Map.entry("spark.sql.warehouse.dir", run.resolve("warehouse").toString()),
                Map.entry("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension"),
                Map.entry("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog"),
                // a plain CREATE TABLE makes a Delta table, as on Databricks
                Map.entry("spark.sql.sources.default", "delta"),
                Map.entry("spark.sql.legacy.createHiveTableByDefault", "false"),
                Map.entry("spark.local.dir", run.resolve("tmp").toString()));
    }

    // HiveServer2's option parser turns each --hiveconf into a system property that HiveConf reads
    private static Map<String, String> hiveConf(Path run, int port) {
        return Map.of(
                "hive.server2.thrift.bind.host", ServerProcesses.LOOPBACK,
                "hive.server2.thrift.port", Integer.toString(port),
                "hive.server2.transport.mode", "binary",
                "javax.jdo.option.ConnectionURL", "jdbc:derby:;databaseName=" + run.resolve("metastore_db") + ";create=true",
                "hive.exec.scratchdir", run.resolve("scratch").toString(),
                "hive.exec.local.scratchdir", run.resolve("local-scratch").toString(),
                "hive.server2.logging.operation.log.location", run.resolve("operation-logs").toString());
    }

    private static void awaitStarted(Process process, int port, Path log) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        String lastError = "the port never accepted a connection";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + NAME + " exited with code " + process.exitValue() + " while starting; log "
                        + log + " ends with:\n" + ServerLogs.tail(log));
            }
            if (accepts(port)) {
                try (Connection connection = DriverManager.getConnection(jdbcUrl(port), "smelt", "");
                        Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT 1")) {
                    if (result.next() && result.getInt(1) == 1) {
                        return;
                    }
                    lastError = "SELECT 1 returned no 1";
                }
                catch (SQLException e) {
                    lastError = "SELECT 1 failed: " + e.getMessage();
                }
            }
            ServerProcess.sleep(Duration.ofMillis(500), "the " + NAME);
        }
        throw new IllegalStateException("the " + NAME + " did not answer within " + STARTUP_TIMEOUT.toSeconds() + " s ("
                + lastError + "); log " + log + " ends with:\n" + ServerLogs.tail(log));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ServerProcesses.LOOPBACK, port), 1000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
