package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.testing.TestingLineageReceiver;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where OpenLineage events go as the usual variables and {@code openlineage.yml} say, and that a
 * receiver that fails or is down never fails the run. Each builds the {@code customers} seed of
 * {@link LineageShop} on DuckDB: four events (the invocation's and the seed's START and COMPLETE).
 */
class TestOpenLineageTransports {
    private static final String WARNING = "OpenLineage: could not send an event to ";

    @TempDir
    Path dir;

    private Path project;
    private Path home;

    @BeforeEach
    void write() throws IOException {
        project = LineageShop.write(dir);
        home = Files.createDirectories(dir.resolve("home"));
    }

    @Test
    void theFileTransportOfOpenlineageYmlInTheWorkingFolder() throws IOException {
        Path events = dir.resolve("events.jsonl");
        TestingFiles.write(project.resolve("openlineage.yml"), "transport:\n  type: file\n  location: " + events + "\n");
        Result result = TestingCli.inProject(project, LineageShop.environment(home), "build", "--select", "customers");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        List<JsonNode> sent = Files.readAllLines(events).stream().map(TestingLineageReceiver::parse).toList();
        assertThat(sent).extracting(e -> e.at("/eventType").asText() + " " + e.at("/job/name").asText()).containsExactly(
                "START dbt-run-shop", "START seed.shop.customers", "COMPLETE seed.shop.customers", "COMPLETE dbt-run-shop");
        assertThat(sent.get(2).at("/outputs/0/name").asText()).isEqualTo("shop.main.customers");
        assertThat(sent.get(2).at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(3);
        assertThat(sent.get(1).at("/outputs/0/outputFacets").isMissingNode()).as("not known at the start").isTrue();
    }

    @Test
    void aSnapshotIsAJobOfTypeSnapshotThatWritesItsTable() throws IOException {
        TestingFiles.write(project.resolve("snapshots/customers_snapshot.sql"), """
                {% snapshot customers_snapshot %}
                {{ config(target_schema='main', unique_key='id', strategy='check', check_cols='all') }}
                select * from {{ ref('customers') }}
                {% endsnapshot %}
                """);
        assertThat(TestingCli.inProject(project, LineageShop.environment(home), "seed", "--select", "customers").exitCode()).isZero();
        Path events = dir.resolve("snapshot.jsonl");
        TestingFiles.write(project.resolve("openlineage.yml"), "transport:\n  type: file\n  location: " + events + "\n");
        Result result = TestingCli.inProject(project, LineageShop.environment(home), "snapshot");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        List<JsonNode> sent = Files.readAllLines(events).stream().map(TestingLineageReceiver::parse).toList();
        List<JsonNode> snapshot = LineageShop.ofJob(sent, "snapshot.shop.customers_snapshot");
        assertThat(snapshot).extracting(e -> e.at("/eventType").asText()).containsExactly("START", "COMPLETE");
        assertThat(snapshot.get(1).at("/job/facets/jobType/jobType").asText()).isEqualTo("SNAPSHOT");
        assertThat(snapshot.get(1).at("/inputs/0/name").asText()).isEqualTo("shop.main.customers");
        assertThat(snapshot.get(1).at("/outputs/0/name").asText()).isEqualTo("shop.main.customers_snapshot");
        assertThat(snapshot.get(1).at("/job/facets/sql/query").asText()).contains("\"shop\".\"main\".\"customers\"");
    }

    @Test
    void openlineageConfigNamesTheFileAndTheHomeFolderHasOneToo() throws IOException {
        Path named = dir.resolve("named.jsonl");
        TestingFiles.write(dir.resolve("conf/ol.yml"), "transport:\n  type: file\n  location: " + named + "\n");
        Result result = TestingCli.inProject(project, LineageShop.environment(home, "OPENLINEAGE_CONFIG", dir.resolve("conf/ol.yml").toString()),
                "seed", "--select", "customers");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Files.readAllLines(named)).hasSize(4);

        Path fromHome = dir.resolve("home.jsonl");
        TestingFiles.write(home.resolve(".openlineage/openlineage.yml"), "transport:\n  type: file\n  location: " + fromHome + "\n");
        Result again = TestingCli.inProject(project, LineageShop.environment(home), "seed", "--select", "customers");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(Files.readAllLines(fromHome)).hasSize(4);
    }

    @Test
    void aConfigurationTheClientRefusesIsAWarningAndTheRunGoesOn() throws IOException {
        TestingFiles.write(project.resolve("openlineage.yml"), "transport:\n  type: carrier_pigeon\n");
        Result result = TestingCli.inProject(project, LineageShop.environment(home), "build", "--select", "customers");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out() + result.err()).contains("OpenLineage: cannot use the configuration in " + project.resolve("openlineage.yml"));
    }

    @Test
    void aReceiverAnswering500IsWarnedOfOnceAndTheRunGoesOn() throws IOException {
        try (TestingLineageReceiver receiver = new TestingLineageReceiver(500)) {
            Result result = TestingCli.inProject(project, LineageShop.environment(home, "OPENLINEAGE_URL", receiver.url()),
                    "build", "--select", "customers");
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(receiver.bodies()).as("every event is still tried").hasSize(4);
            assertThat(occurrences(result.out() + result.err(), WARNING)).isEqualTo(1);
        }
    }

    @Test
    void aReceiverThatIsDownIsWarnedOfOnceAndTheRunGoesOn() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result result = TestingCli.inProject(project, LineageShop.environment(home, "OPENLINEAGE_URL", "http://127.0.0.1:" + port),
                "build", "--select", "customers");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        String output = result.out() + result.err();
        assertThat(occurrences(output, WARNING)).as(output).isEqualTo(1);
        assertThat(output).contains("OpenLineage: could not send an event to http://127.0.0.1:" + port + " (");
    }

    @Test
    void disabledOrUnconfiguredSendsNothing() throws IOException {
        try (TestingLineageReceiver receiver = new TestingLineageReceiver(200)) {
            Result disabled = TestingCli.inProject(project, LineageShop.environment(home, "OPENLINEAGE_URL", receiver.url(),
                    "OPENLINEAGE_DISABLED", "TRUE"), "build", "--select", "customers");
            assertThat(disabled.exitCode()).as(disabled.out() + disabled.err()).isZero();
            Result compile = TestingCli.inProject(project, LineageShop.environment(home, "OPENLINEAGE_URL", receiver.url()),
                    "compile");
            assertThat(compile.exitCode()).as(compile.out() + compile.err()).isZero();
            assertThat(receiver.bodies()).as("disabled, and compile reports nothing").isEmpty();
            Result sent = TestingCli.inProject(project, LineageShop.environment(home, "OPENLINEAGE_URL", receiver.url()),
                    "seed", "--select", "customers");
            assertThat(sent.exitCode()).isZero();
            assertThat(receiver.bodies()).as("the same receiver, configured and enabled").hasSize(4);
        }
        Result unconfigured = TestingCli.inProject(project, LineageShop.environment(home), "build", "--select", "customers");
        assertThat(unconfigured.exitCode()).isZero();
        assertThat(unconfigured.out() + unconfigured.err()).doesNotContain("OpenLineage");
        try (var files = Files.list(project)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("openlineage.yml");
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
