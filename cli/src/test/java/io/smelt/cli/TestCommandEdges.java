package io.smelt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour at the edges of the commands, on a copy of the jaffle_shop fixture. */
class TestCommandEdges {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() {
        project = TestingProjects.copy("jaffle_shop", dir, Map.of("type", "duckdb", "path", dir.resolve("j.duckdb").toString()));
    }

    @Test
    void failFastSkipsEverythingAfterTheFirstFailingTest() {
        Path configs = TestingProjects.copy("test_configs", dir.resolve("configs"),
                Map.of("type", "duckdb", "path", dir.resolve("c.duckdb").toString(), "threads", 1));

        Result result = TestingCli.inProject(configs, "build", "--fail-fast");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).containsOnlyOnce(" FAIL 1 amounts_not_negative ").contains("SKIP relation main.order_totals")
                .contains("PASS=1 WARN=0 ERROR=1 SKIP=15 TOTAL=17");
        Result all = TestingCli.inProject(configs, "build");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).as("without --fail-fast every test runs").contains("PASS=6 WARN=3 ERROR=7 SKIP=1 TOTAL=17");
    }

    @Test
    void aBadIncrementalConfigStopsTheRunBeforeAnythingIsWritten() throws Exception {
        Path model = project.resolve("models/inc.sql");
        Files.writeString(model, "{{ config(materialized='incremental', unique_key='id') }}\nselect 1 as id\n");
        assertThat(smelt("run", "-s", "inc").exitCode()).isEqualTo(0);
        Files.writeString(model, "{{ config(materialized='incremental', incremental_strategy='merge', on_schema_change='sometimes') }}\n"
                + "select 2 as id\n");
        Result result = smelt("run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/inc.sql").contains("incremental_strategy 'merge' needs a unique_key")
                .contains("on_schema_change 'sometimes' is not one of").contains("hint:");
        assertThat(result.out()).doesNotContain("OK created");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("j.duckdb"));
                java.sql.ResultSet rows = connection.createStatement().executeQuery("select id from inc")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void snapshotsRunAndBadSnapshotsAreProjectErrorsWithTheirPlace() throws Exception {
        Path snapshots = Files.createDirectories(project.resolve("snapshots"));
        Path file = snapshots.resolve("customers.sql");
        Files.writeString(file, "{% snapshot customers_history %}\n"
                + "{{ config(unique_key='customer_id', strategy='check', check_cols='all') }}\n"
                + "select * from {{ ref('stg_customers') }}\n{% endsnapshot %}\n");
        Result first = smelt("build", "-s", "+customers_history");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
        assertThat(first.out()).contains("OK snapshotted main.customers_history");
        Result again = smelt("snapshot");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(0);
        assertThat(again.out()).contains("1 of 1 OK snapshotted main.customers_history");

        Files.writeString(file, "{% snapshot customers_history %}\n"
                + "{{ config(unique_key='customer_id', strategy='timestamp', hard_deletes='sometimes') }}\n"
                + "select * from {{ ref('stg_customers') }}\n{% endsnapshot %}\n");
        Result bad = smelt("snapshot");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("snapshots/customers.sql:1:1")
                .contains("strategy 'timestamp' needs updated_at").contains("hard_deletes 'sometimes' is not one of")
                .contains("hint:").doesNotContain("\tat ");

        Files.writeString(file, "\n{% snapshot customers_history %}\nselect 1 as id\n");
        Result unclosed = smelt("snapshot");
        assertThat(unclosed.exitCode()).isEqualTo(2);
        assertThat(unclosed.err()).contains("snapshots/customers.sql:2:1").contains("snapshot 'customers_history' is not closed")
                .contains("{% endsnapshot %}");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("j.duckdb"));
                java.sql.ResultSet rows = connection.createStatement().executeQuery(
                        "select count(*), count(*) filter (where dbt_valid_to is null) from customers_history")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).as("the history is as the good runs left it").isEqualTo(100);
            assertThat(rows.getInt(2)).isEqualTo(100);
        }
    }

    @Test
    void aSparkServerThatIsNotRunningIsAnErrorWithWhatToDo() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        project = TestingProjects.copy("jaffle_shop", dir.resolve("spark"),
                Map.of("type", "spark", "host", "127.0.0.1", "port", port, "schema", "jaffle"));
        Result result = smelt("run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: cannot reach the Spark Thrift server at 127.0.0.1:" + port)
                .contains("hint: start the server, or fix host and port").contains("scripts/spark-server")
                .doesNotContain("\tat ");
    }

    @Test
    void aRefSeenOnlyAtRunTimeFailsWithTheFix() throws IOException {
        Files.writeString(project.resolve("models/hidden_ref.sql"),
                "{% if execute %}select count(*) as n from {{ ref('stg_orders') }}{% else %}select 1 as n{% endif %}\n");
        Result result = smelt("run", "-s", "hidden_ref");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("models/hidden_ref.sql:1").contains("only at run time")
                .contains("-- depends_on: {{ ref('stg_orders') }}");
    }

    @Test
    void operationsWarnRenameAndFailWithExitOne() throws IOException {
        assertThat(smelt("build").exitCode()).isZero();
        Files.createDirectories(project.resolve("macros"));
        Files.writeString(project.resolve("macros/ops.sql"), """
                {% macro warn_me() %}{% do exceptions.warn("careful now") %}{% endmacro %}
                {% macro boom() %}{% do run_query("select * from no_such_table") %}{% endmacro %}
                {% macro ren() %}
                {% set a = api.Relation.create(database=target.database, schema=target.schema, identifier='customers', type='table') %}
                {% set b = api.Relation.create(database=target.database, schema=target.schema, identifier='customers2', type='table') %}
                {% do adapter.rename_relation(a, b) %}
                {{ return(adapter.get_relation(database=target.database, schema=target.schema, identifier='customers2') is not none) }}
                {% endmacro %}
                """);
        assertThat(smelt("run-operation", "warn_me").out()).contains("macros/ops.sql:1: careful now");
        Result boom = smelt("run-operation", "boom");
        assertThat(boom.exitCode()).isEqualTo(1);
        assertThat(boom.err()).contains("no_such_table").doesNotContain("internal error");
        Result renamed = smelt("run-operation", "ren");
        assertThat(renamed.exitCode()).isZero();
        assertThat(renamed.out()).contains("true");
    }

    @Test
    void unknownKeysAndUnsupportedFilesAreWarnedAbout() throws IOException {
        Path file = project.resolve("dbt_project.yml");
        TestingFiles.replace(file, "model-paths:", "modles-path: [x]\nmodel-paths:");
        Files.writeString(project.resolve("models/py_model.py"), "def model(dbt, session):\n    return None\n");
        Result result = smelt("parse");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out() + result.err()).contains("unknown key 'modles-path'").contains("did you mean 'model-paths'")
                .contains("models/py_model.py: Python models are not supported yet");
    }

    @Test
    void lsWarnsOnStderrWhenASelectorMatchesNothing() {
        Result result = smelt("ls", "-s", "no_such_model");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("no_such_model");
    }

    @Test
    void cleanChecksEveryEntryBeforeDeletingAnything() throws IOException {
        Files.createDirectories(project.resolve("target"));
        Path file = project.resolve("dbt_project.yml");
        Files.writeString(file, Files.readString(file) + "\nclean-targets: [target, ../elsewhere]\n");
        Result result = smelt("clean");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("outside the project folder");
        assertThat(project.resolve("target")).isDirectory();
    }

    @Test
    void jsonLogsAndArtifactsShareTheInvocationId() throws IOException {
        Result result = smelt("seed", "--log-format", "json");
        assertThat(result.exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();
        String logged = json.readTree(result.out().lines().findFirst().orElseThrow()).get("info").get("invocation_id").asText();
        String recorded = json.readTree(project.resolve("target/run_results.json").toFile()).get("metadata").get("invocation_id").asText();
        assertThat(logged).isEqualTo(recorded);
    }

    private Result smelt(String... args) {
        return TestingCli.inProject(project, args);
    }
}
