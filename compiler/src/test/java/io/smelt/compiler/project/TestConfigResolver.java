package io.smelt.compiler.project;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestConfigResolver {
    private static final Map<String, String> ENV = Map.of("SMELT_TEST_SCHEMA", "analytics");

    private static DbtProject root() {
        return ProjectLoader.load(Fixtures.dir("full"), Map.of(), ENV, new TestingYamlRenderer(ENV));
    }

    private static ConfigResolver resolver() {
        DbtProject root = root();
        return new ConfigResolver(root, PackageFinder.find(root, new TestingYamlRenderer(ENV)));
    }

    @Test
    void walksTheTreeDownTheFqn() {
        Map<String, Object> config = ConfigResolver.fromProject(root(), "models", List.of("jaffle_shop", "staging", "stg_orders"));

        assertThat(config).containsEntry("persist_docs", Map.of("relation", true))
                .containsEntry("materialized", "view")
                .containsEntry("schema", "analytics")
                .containsEntry("pre-hook", List.of("insert into audit values ('{{ this }}')"))
                .containsEntry("tags", List.of("staging"));
    }

    @Test
    void parentLevelsApplyOutsideSubfolders() {
        Map<String, Object> config = ConfigResolver.fromProject(root(), "models", List.of("jaffle_shop", "marts", "orders"));

        assertThat(config).containsEntry("materialized", "table").doesNotContainKey("tags");
    }

    @Test
    void plainMapKeysAreFoldersNotConfigs() {
        Map<String, Object> tree = Map.of("p", Map.of("meta", Map.of("owner", "x"), "+meta", Map.of("team", "y"), "enabled", false));
        DbtProject project = withTree(root(), "models", tree);

        Map<String, Object> config = ConfigResolver.fromProject(project, "models", List.of("p", "m"));

        assertThat(config).containsEntry("meta", Map.of("team", "y")).containsEntry("enabled", false);
    }

    @Test
    void rootProjectConfigsBeatEverythingForPackageNodes() {
        Map<String, Object> config = resolver().resolve("models", "my_pkg", List.of("my_pkg", "thing"),
                Map.of("materialized", "incremental", "tags", "yaml"), Map.of("materialized", "table", "tags", List.of("sql")));

        // the package's own dbt_project.yml says ephemeral, YAML and SQL say otherwise, the root's
        // top-level +persist_docs applies too; nothing in the root names my_pkg's materialization
        assertThat(config).containsEntry("materialized", "table")
                .containsEntry("tags", List.of("pkg", "yaml", "sql"))
                .containsEntry("persist_docs", Map.of("relation", true));
    }

    @Test
    void rootTreeUnderPackageNameWinsOverPackageSql() {
        Map<String, Object> tree = new LinkedHashMap<>(root().configTree("models"));
        tree.put("my_pkg", Map.of("+materialized", "view"));
        DbtProject root = withTree(root(), "models", tree);
        DbtProject pkg = PackageFinder.find(root(), YamlRenderer.NONE).get(0);

        Map<String, Object> config = new ConfigResolver(root, List.of(pkg)).resolve("models", "my_pkg", List.of("my_pkg", "thing"),
                null, Map.of("materialized", "table"));

        assertThat(config).containsEntry("materialized", "view");
        assertThat(new ConfigResolver(root, List.of(pkg)).projectConfig("models", "my_pkg", List.of("my_pkg", "thing")))
                .containsEntry("materialized", "view").containsEntry("tags", List.of("pkg"));
    }

    @Test
    void rootNodesTakeYamlThenSql() {
        Map<String, Object> config = resolver().resolve("models", "jaffle_shop", List.of("jaffle_shop", "orders"),
                Map.of("materialized", "incremental", "meta", Map.of("a", 1, "b", 1)),
                Map.of("meta", Map.of("b", 2), "post_hook", "select 1"));

        assertThat(config).containsEntry("materialized", "incremental")
                .containsEntry("meta", Map.of("a", 1, "b", 2))
                .containsEntry("post-hook", List.of("select 1"))
                .containsEntry("enabled", true)
                .doesNotContainKey("post_hook");
    }

    @Test
    void defaultsPerResourceType() {
        ConfigResolver resolver = resolver();

        assertThat(resolver.resolve("seeds", "jaffle_shop", List.of("jaffle_shop", "raw"), null, null))
                .containsEntry("materialized", "seed").containsEntry("quote_columns", false).containsEntry("enabled", true);
        assertThat(resolver.resolve("snapshots", "jaffle_shop", List.of("jaffle_shop", "snap"), null, null))
                .containsEntry("materialized", "snapshot");
        assertThat(resolver.resolve("analyses", "jaffle_shop", List.of("jaffle_shop", "analysis", "a"), null, null))
                .containsEntry("materialized", "table");
        assertThat(ConfigResolver.defaults("tests")).containsEntry("materialized", "test").containsEntry("severity", "ERROR");
        assertThat(ConfigResolver.defaults("sources")).containsEntry("enabled", true).doesNotContainKey("materialized");
    }

    @Test
    void testsReadDataTestsTree() {
        Map<String, Object> config = resolver().resolve("tests", "jaffle_shop", List.of("jaffle_shop", "not_null_orders_id"), null,
                null);

        assertThat(config).containsEntry("severity", "warn").containsEntry("materialized", "test");
    }

    @Test
    void mergeAppendsTagsAndHooksAndUpdatesDicts() {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("tags", List.of("a", "b"));
        base.put("pre-hook", "one");
        base.put("docs", Map.of("show", true));
        base.put("column_types", Map.of("id", "int"));
        base.put("schema", "x");
        Map<String, Object> overlay = new LinkedHashMap<>();
        overlay.put("tags", "b");
        overlay.put("pre_hook", List.of("two"));
        overlay.put("docs", Map.of("node_color", "red"));
        overlay.put("column_types", Map.of("name", "text"));
        overlay.put("schema", "y");

        Map<String, Object> merged = ConfigResolver.merge(base, overlay);

        assertThat(merged).containsEntry("tags", List.of("a", "b"))
                .containsEntry("pre-hook", List.of("one", "two"))
                .containsEntry("docs", Map.of("show", true, "node_color", "red"))
                .containsEntry("column_types", Map.of("id", "int", "name", "text"))
                .containsEntry("schema", "y");
        assertThat(base).containsEntry("pre-hook", "one");
    }

    @Test
    void grantsExtendOnlyWithPlus() {
        Map<String, Object> base = Map.of("grants", Map.of("select", List.of("a"), "insert", "b"));

        Map<String, Object> merged = ConfigResolver.merge(base, Map.of("grants", Map.of("+select", List.of("c"), "insert", List.of("d"))));

        assertThat(merged.get("grants")).isEqualTo(Map.of("select", List.of("a", "c"), "insert", List.of("d")));
    }

    @Test
    void normalizeSpellsHooksAsDbtDoes() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("post_hook", "a");
        config.put("post-hook", new ArrayList<>(List.of("b")));
        config.put("tags", "t");

        assertThat(ConfigResolver.normalize(config)).containsExactly(Map.entry("post-hook", List.of("a", "b")),
                Map.entry("tags", List.of("t")));
    }

    private static DbtProject withTree(DbtProject p, String key, Map<String, Object> tree) {
        Map<String, Map<String, Object>> trees = new LinkedHashMap<>(p.configTrees());
        trees.put(key, tree);
        return new DbtProject(p.projectDir(), p.file(), p.name(), p.version(), p.configVersion(), p.profile(), p.modelPaths(),
                p.seedPaths(), p.macroPaths(), p.testPaths(), p.snapshotPaths(), p.analysisPaths(), p.docsPaths(), p.assetPaths(),
                p.targetPath(), p.logPath(), p.packagesInstallPath(), p.cleanTargets(), p.vars(), trees, p.onRunStart(),
                p.onRunEnd(), p.requireDbtVersion(), p.dispatch(), p.quoting(), p.queryComment(), p.flags(), p.positions(),
                p.warnings());
    }
}
