package io.smelt.adapter.duckdb;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.adapter.TargetConfig;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profile fields: defaults, validation, files and memory, extensions, settings, attach, read_only. */
class TestDuckDbProfile {
    @TempDir
    Path project;

    private Adapter adapter(Map<String, Object> fields) {
        return adapter(fields, Set.of());
    }

    private Adapter adapter(Map<String, Object> fields, Set<String> secrets) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("type", "duckdb");
        return new DuckDbAdapterFactory().create(new TargetConfig("shop", "dev", all, secrets, project, project.resolve("target"), false));
    }

    private static List<List<Object>> query(Adapter adapter, String sql) {
        try (Session session = adapter.openSession()) {
            return session.execute(sql, true, -1).rows();
        }
    }

    @Test
    void factoryIsFoundThroughServiceLoader() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(AdapterFactory.class).forEach(factory -> types.add(factory.type()));
        assertThat(types).contains("duckdb");
    }

    @Test
    void defaultsToAFileInTheTargetFolder() {
        try (Adapter adapter = adapter(Map.of())) {
            assertThat(adapter.defaultDatabase()).isEqualTo("shop");
            assertThat(adapter.defaultSchema()).isEqualTo("main");
            assertThat(adapter.threads()).isEqualTo(1);
            assertThat(adapter.describe()).containsEntry("path", project.resolve("target/shop.duckdb").toString());
            query(adapter, "CREATE TABLE kept AS SELECT 42 AS answer");
        }
        assertThat(project.resolve("target/shop.duckdb")).exists();
        try (Adapter reopened = adapter(Map.of())) {
            assertThat(query(reopened, "SELECT answer FROM shop.main.kept")).containsExactly(List.of(42L));
        }
    }

    @Test
    void relativePathResolvesAgainstTheProject() {
        try (Adapter adapter = adapter(Map.of("path", "data/dev.v2.duckdb", "schema", "analytics", "threads", "4"))) {
            assertThat(adapter.defaultDatabase()).isEqualTo("dev");
            assertThat(adapter.defaultSchema()).isEqualTo("analytics");
            assertThat(adapter.threads()).isEqualTo(4);
            assertThat(query(adapter, "SELECT current_database()")).containsExactly(List.of("dev"));
        }
        assertThat(project.resolve("data/dev.v2.duckdb")).exists();
    }

    @Test
    void inMemoryDatabasesAreNamedMemoryAndNotShared() {
        try (Adapter first = adapter(Map.of("path", ":memory:")); Adapter second = adapter(Map.of("path", ":memory:"))) {
            assertThat(first.defaultDatabase()).isEqualTo("memory");
            try (Session a = first.openSession(); Session b = first.openSession()) {
                a.execute("CREATE TABLE only_here AS SELECT 1 AS id");
                assertThat(b.columns(new Relation("memory", "main", "only_here", null))).hasSize(1);
            }
            try (Session other = second.openSession()) {
                assertThat(other.columns(new Relation("memory", "main", "only_here", null))).isEmpty();
            }
        }
    }

    @Test
    void databaseMustMatchThePath() {
        assertThatThrownBy(() -> adapter(Map.of("path", "dev.duckdb", "database", "prod")))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("'database'")
                .hasMessageContaining("dev");
        try (Adapter adapter = adapter(Map.of("path", "dev.duckdb", "database", "dev"))) {
            assertThat(adapter.defaultDatabase()).isEqualTo("dev");
        }
    }

    @Test
    void rejectsBadFieldsByName() {
        assertThatThrownBy(() -> adapter(Map.of("threads", "many"))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'threads'");
        assertThatThrownBy(() -> adapter(Map.of("threads", 0))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'threads'");
        assertThatThrownBy(() -> adapter(Map.of("path", " "))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'path'");
        assertThatThrownBy(() -> adapter(Map.of("path", ":memory:", "read_only", true))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'read_only'");
        assertThatThrownBy(() -> adapter(Map.of("read_only", "perhaps"))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'read_only'");
        assertThatThrownBy(() -> adapter(Map.of("extensions", "json"))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'extensions'");
        assertThatThrownBy(() -> adapter(Map.of("extensions", List.of("json; DROP TABLE x")))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'extensions[0]'");
        assertThatThrownBy(() -> adapter(Map.of("settings", List.of("threads")))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'settings'");
        assertThatThrownBy(() -> adapter(Map.of("attach", List.of("other.duckdb")))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'attach[0]'");
        assertThatThrownBy(() -> adapter(Map.of("attach", List.of(Map.of("alias", "x"))))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'attach[0].path'");
    }

    @Test
    void describeShowsUnknownFieldsButNoSecrets() {
        Map<String, Object> fields = Map.of("path", ":memory:", "mystery", "x", "token", "s3cr3t-value",
                "settings", Map.of("s3_secret_access_key", "s3cr3t-value"), "extensions", List.of(Map.of("name", "json")));
        try (Adapter adapter = adapter(fields, Set.of("s3cr3t-value"))) {
            Map<String, Object> described = adapter.describe();
            assertThat(described).containsEntry("mystery", "x").containsEntry("token", "****")
                    .containsEntry("path", ":memory:").containsEntry("database", "memory").containsEntry("schema", "main")
                    .containsEntry("threads", 1).containsEntry("extensions", List.of("json"));
            assertThat(described.toString()).doesNotContain("s3cr3t-value");
        }
    }

    @Test
    void loadsBundledExtensionsAndNamesAMissingOne() {
        try (Adapter adapter = adapter(Map.of("path", ":memory:", "extensions", List.of("json", Map.of("name", "parquet"))))) {
            assertThat(query(adapter, "SELECT json_extract('{\"a\": 5}', '$.a')::INTEGER")).containsExactly(List.of(5L));
        }
        try (Adapter adapter = adapter(Map.of("path", ":memory:", "extensions", List.of("smelt_no_such_extension")))) {
            assertThatThrownBy(adapter::openSession)
                    .isInstanceOf(AdapterConfigException.class)
                    .hasMessageContaining("'extensions'")
                    .hasMessageContaining("smelt_no_such_extension")
                    .satisfies(e -> assertThat(((AdapterConfigException) e).hint()).contains("INSTALL smelt_no_such_extension"));
        }
    }

    @Test
    void appliesSettingsToEverySession() {
        try (Adapter adapter = adapter(Map.of("path", ":memory:", "settings", Map.of("threads", 2, "default_order", "desc"),
                "config_options", Map.of("preserve_insertion_order", "false")))) {
            try (Session one = adapter.openSession(); Session two = adapter.openSession()) {
                for (Session session : List.of(one, two)) {
                    assertThat(session.execute("SELECT current_setting('threads'), current_setting('default_order'),"
                            + " current_setting('preserve_insertion_order')", true, -1).rows())
                            .containsExactly(List.of(2L, "DESC", false));
                }
            }
        }
    }

    @Test
    void refusedSettingNamesTheFieldAndHidesTheValue() {
        try (Adapter adapter = adapter(Map.of("path", ":memory:", "settings", Map.of("threads", "hunter2-password")), Set.of("hunter2-password"))) {
            assertThatThrownBy(adapter::openSession)
                    .isInstanceOf(AdapterConfigException.class)
                    .hasMessageContaining("'settings.threads'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-password"));
        }
        try (Adapter adapter = adapter(Map.of("path", ":memory:", "settings", Map.of("smelt_nope", 1)))) {
            assertThatThrownBy(adapter::openSession).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'settings.smelt_nope'");
        }
        try (Adapter adapter = adapter(Map.of("path", ":memory:", "config_options", Map.of("smelt_nope", 1)))) {
            assertThatThrownBy(adapter::openSession).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'config_options.smelt_nope'");
        }
    }

    @Test
    void attachesOtherDatabases() {
        try (Adapter other = adapter(Map.of("path", "lake/raw.duckdb"))) {
            query(other, "CREATE TABLE events AS SELECT range AS id FROM range(3)");
        }
        List<Object> attach = List.of(Map.of("path", "lake/raw.duckdb", "alias", "raw", "read_only", true));
        try (Adapter adapter = adapter(Map.of("path", ":memory:", "attach", attach)); Session session = adapter.openSession()) {
            assertThat(session.execute("SELECT count(*) FROM raw.main.events", true, -1).rows()).containsExactly(List.of(3L));
            assertThat(session.listRelations("raw", "main")).extracting(Relation::identifier).containsExactly("events");
            assertThatThrownBy(() -> session.execute("CREATE TABLE raw.main.nope AS SELECT 1"))
                    .isInstanceOf(EngineException.class).hasMessageContaining("read-only");
        }
        List<Object> missing = List.of(Map.of("path", "nowhere/missing.duckdb", "read_only", true));
        try (Adapter adapter = adapter(Map.of("path", ":memory:", "attach", missing))) {
            assertThatThrownBy(adapter::openSession).isInstanceOf(AdapterConfigException.class).hasMessageContaining("'attach[0]'");
        }
    }

    @Test
    void readOnlyDatabasesRefuseWrites() {
        try (Adapter writer = adapter(Map.of("path", "ro.duckdb"))) {
            query(writer, "CREATE TABLE t AS SELECT 1 AS id");
        }
        try (Adapter reader = adapter(Map.of("path", "ro.duckdb", "read_only", true)); Session session = reader.openSession()) {
            assertThat(session.execute("SELECT id FROM t", true, -1).rows()).containsExactly(List.of(1L));
            assertThatThrownBy(() -> session.execute("CREATE TABLE u AS SELECT 1")).isInstanceOf(EngineException.class);
        }
    }

    @Test
    void fileLockedByAnotherProcessIsExplained() throws Exception {
        Path file = project.resolve("locked.duckdb");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DuckDbLockHolder.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");
            try (Adapter adapter = adapter(Map.of("path", "locked.duckdb"))) {
                assertThatThrownBy(adapter::openSession)
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("another process")
                        .hasMessageContaining(file.toString());
            }
        }
        finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(Files.exists(file)).isTrue();
    }
}
