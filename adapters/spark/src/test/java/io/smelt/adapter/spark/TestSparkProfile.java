package io.smelt.adapter.spark;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.TargetConfig;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profile fields, type names and error texts; no server needed. */
class TestSparkProfile {
    private static final String PASSWORD = "s3cret-Pa55";
    private static final Object REMOVE = new Object();

    @TempDir
    Path project;

    private Adapter adapter(Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(Map.of("type", "spark", "method", "thrift", "host", "spark.example.com", "schema", "Analytics"));
        all.putAll(fields);
        all.values().removeIf(value -> value == REMOVE);
        return new SparkAdapterFactory().create(new TargetConfig("shop", "dev", all, Set.of(PASSWORD), project, project.resolve("target"), false));
    }

    private void assertRefused(Map<String, Object> fields, String message) {
        assertThatThrownBy(() -> adapter(fields))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage() + ((AdapterConfigException) e).hint()).doesNotContain(PASSWORD));
    }

    @Test
    void factoryIsFoundThroughServiceLoader() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(AdapterFactory.class).forEach(factory -> types.add(factory.type()));
        assertThat(types).contains("spark");
    }

    @Test
    void defaultsAndNames() {
        try (Adapter adapter = adapter(Map.of("method", REMOVE))) {
            SparkConfig config = ((SparkAdapter) adapter).config();
            assertThat(config.port()).isEqualTo(10000);
            assertThat(config.auth()).isEqualTo(SparkConfig.Auth.NONE);
            assertThat(config.connectRetries()).isZero();
            assertThat(config.connectTimeoutSeconds()).isEqualTo(10);
            assertThat(adapter.threads()).isEqualTo(1);
            assertThat(adapter.defaultSchema()).isEqualTo("analytics");
            assertThat(adapter.defaultDatabase()).isNull();
            assertThat(adapter.quote("a`b")).isEqualTo("`a``b`");
            assertThat(adapter.render(new Relation("analytics", "analytics", "orders", null))).isEqualTo("`analytics`.`orders`");
            assertThat(adapter.capabilities().incrementalStrategies()).contains("append", "merge", "insert_overwrite", "microbatch");
            assertThat(adapter.capabilities().createOrReplaceTable()).isTrue();
            assertThat(adapter.capabilities().transactions()).isFalse();
            assertThat(adapter.macroResources()).containsKeys("io/smelt/adapter/spark/macros/adapters.sql",
                    "io/smelt/adapter/spark/macros/incremental.sql", "io/smelt/adapter/spark/macros/cross_db.sql");
        }
    }

    @Test
    void refusesOtherMethods() {
        for (String method : List.of("http", "odbc", "session")) {
            assertRefused(Map.of("method", method), "'method' is '" + method + "', which Smelt does not support; only method: thrift is");
        }
        assertRefused(Map.of("method", "carrier-pigeon"), "profile field 'method' must be 'thrift'");
    }

    @Test
    void refusesKerberosAndUnknownAuth() {
        assertRefused(Map.of("auth", "KERBEROS"), "profile field 'auth' is 'KERBEROS', which Smelt does not support yet");
        assertRefused(Map.of("auth", PASSWORD), "profile field 'auth' must be NONE, NOSASL or LDAP, got '****'");
        assertRefused(Map.of("auth", "LDAP"), "profile field 'password' is missing; auth: LDAP needs one");
        assertRefused(Map.of("password", PASSWORD), "profile field 'password' is only used with auth: LDAP");
    }

    @Test
    void checksFields() {
        assertRefused(Map.of("host", REMOVE), "profile field 'host' is missing");
        assertRefused(Map.of("host", "thrift://h:1"), "profile field 'host' must be a host name");
        assertRefused(Map.of("port", 0), "profile field 'port' must be between 1 and 65535, got 0");
        assertRefused(Map.of("schema", REMOVE), "profile field 'schema' is missing");
        assertRefused(Map.of("database", "other"), "profile fields 'database' and 'schema' differ");
        assertRefused(Map.of("connect_retries", -1), "profile field 'connect_retries' must not be negative");
        assertRefused(Map.of("connect_timeout", 0), "profile field 'connect_timeout' must be at least 1");
        assertRefused(Map.of("threads", 0), "profile field 'threads' must be at least 1");
        assertRefused(Map.of("server_side_parameters", "x"), "must be a map");
        assertRefused(Map.of("server_side_parameters", Map.of("a b", "1")), "has a key that is not a setting name");
        assertRefused(Map.of("server_side_parameters", Map.of("spark.x", "1; drop")), "without ';'");
    }

    @Test
    void describeHidesSecrets() {
        try (Adapter adapter = adapter(Map.of("auth", "LDAP", "password", PASSWORD, "user", "ada", "database", "analytics",
                "server_side_parameters", Map.of("spark.sql.shuffle.partitions", "4", "spark.token", PASSWORD), "extra", PASSWORD))) {
            assertThat(adapter.describe().toString()).doesNotContain(PASSWORD).contains("spark.sql.shuffle.partitions=4");
            assertThat(((SparkAdapter) adapter).config().toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void unreachableServerIsReportedWithoutSecrets() {
        try (Adapter adapter = adapter(Map.of("host", "127.0.0.1", "port", 1, "auth", "LDAP", "password", PASSWORD, "connect_timeout", 1))) {
            assertThatThrownBy(adapter::openSession).isInstanceOf(EngineException.class)
                    .hasMessageContaining("cannot reach the Spark Thrift server at 127.0.0.1:1")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD, "java.", "Exception"));
        }
    }

    @Test
    void mapsTypeNames() {
        try (Adapter adapter = adapter(Map.of())) {
            assertThat(adapter.mapType("varchar(20)")).isEqualTo("string");
            assertThat(adapter.mapType("text")).isEqualTo("string");
            assertThat(adapter.mapType("integer")).isEqualTo("int");
            assertThat(adapter.mapType("int64")).isEqualTo("bigint");
            assertThat(adapter.mapType("float")).isEqualTo("double");
            assertThat(adapter.mapType("numeric(10, 2)")).isEqualTo("decimal(10,2)");
            assertThat(adapter.mapType("timestamptz")).isEqualTo("timestamp");
            assertThat(adapter.mapType("int[]")).isEqualTo("array<int>");
            assertThat(adapter.mapType("map<varchar, float>")).isEqualTo("map<string, double>");
            assertThat(adapter.mapType("struct<a:integer, b:text>")).isEqualTo("struct<a int, b string>");
            assertThat(adapter.mapType("geography")).isEqualTo("geography");
        }
    }

    @Test
    void translatesParseErrorsWithPosition() {
        SQLException parse = new SQLException("org.apache.hive.service.cli.HiveSQLException: Error running query: "
                + "[PARSE_SYNTAX_ERROR] org.apache.spark.sql.catalyst.parser.ParseException: \n"
                + "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 3, pos 29)\n\n== SQL ==\nSELECT 1\n\tat org.apache.X.y(X.java:1)");
        EngineException e = SparkErrors.translate(parse, "h:1", text -> text);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(30);
        assertThat(e.getMessage()).isEqualTo("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.")
                .doesNotContain("java.", "Exception");
    }

    @Test
    void analysisErrorsLoseTheLogicalPlan() {
        SQLException analysis = new SQLException("org.apache.hive.service.cli.HiveSQLException: Error running query: "
                + "[UNRESOLVED_COLUMN.WITH_SUGGESTION] org.apache.spark.sql.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] "
                + "A column or function parameter with name `first_nam` cannot be resolved. Did you mean one of the following? "
                + "[`first_name`].; line 52 pos 8;\n'ReplaceTableAsSelect TableSpec(Map(),Some(delta))\n+- 'Project [*]\n");
        EngineException e = SparkErrors.translate(analysis, "h:1", text -> text);
        assertThat(e.line()).isEqualTo(52);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.getMessage()).isEqualTo("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `first_nam` "
                + "cannot be resolved. Did you mean one of the following? [`first_name`].");
    }
}
