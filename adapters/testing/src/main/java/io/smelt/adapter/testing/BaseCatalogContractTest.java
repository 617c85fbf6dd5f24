package io.smelt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.catalog.CatalogGenerator;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * catalog.json as {@code docs generate} writes it, read back from the engine after a build of the
 * catalog fixture: every relation with its columns in the engine's order and types, views told from
 * tables, the descriptions persist_docs wrote (quotes and a newline intact) as comments, the stats the
 * engine gives; valid against dbt's catalog schema; with a selection and empty.
 */
public abstract class BaseCatalogContractTest extends BaseProjectTest {
    private static final String TABLE = "model.catalog.people_table";
    private static final String VIEW = "model.catalog.people_view";
    private static final String INCREMENTAL = "model.catalog.people_incremental";
    private static final String SEED = "seed.catalog.people";
    private static final String SOURCE = "source.catalog.raw.people";
    private static final String SNAPSHOT = "snapshot.catalog.people_history";

    /** The stats (besides {@code has_stats}) the engine's catalog gives for a table. */
    protected abstract Set<String> tableStats();

    @Test
    public void catalogHoldsEveryRelationWithItsColumnsAndPersistedDocs() {
        try (Workspace workspace = load(project("catalog"))) {
            assertSucceeded(run(workspace, Command.BUILD));
            assertSucceeded(run(workspace, Command.RUN, INCREMENTAL.substring("model.catalog.".length())));
            CatalogGenerator.Result result = workspace.writeCatalog(null, false, workspace.targetPath(), RunListener.NONE);
            assertThat(result.errors()).isEmpty();
            assertThat(result.missing()).isEmpty();
            assertThat(result.nodes()).isEqualTo(5);
            assertThat(result.sources()).isEqualTo(1);

            JsonNode catalog = TestingDbtSchemas.read(result.file());
            TestingDbtSchemas.assertValid(catalog, TestingDbtSchemas.CATALOG);
            assertThat(catalog.path("metadata").path("dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/catalog/v1.json");
            assertThat(catalog.path("metadata").path("invocation_id").asText()).isEqualTo(workspace.invocationId());
            assertThat(names(catalog.path("nodes"))).containsExactlyInAnyOrder(SEED, TABLE, VIEW, INCREMENTAL, SNAPSHOT);
            assertThat(names(catalog.path("sources"))).containsExactly(SOURCE);
            assertThat(catalog.path("errors").isNull()).isTrue();

            JsonNode table = catalog.path("nodes").path(TABLE);
            assertThat(table.path("unique_id").asText()).isEqualTo(TABLE);
            assertThat(table.path("metadata").path("name").asText().toLowerCase(Locale.ROOT)).isEqualTo("people_table");
            assertThat(table.path("metadata").path("schema").asText().toLowerCase(Locale.ROOT)).isEqualTo(schema().toLowerCase(Locale.ROOT));
            assertThat(names(table.path("columns"))).extracting(c -> c.toLowerCase(Locale.ROOT)).containsExactly("id", "name", "city");
            assertThat(table.path("columns").findValuesAsText("index")).containsExactly("1", "2", "3");
            assertThat(column(table, "id").path("type").asText().toLowerCase(Locale.ROOT)).contains("int");
            assertThat(column(table, "name").path("type").asText().toLowerCase(Locale.ROOT)).containsAnyOf("varchar", "string");
            assertThat(isView(table)).isFalse();
            assertThat(isView(catalog.path("nodes").path(VIEW))).isTrue();
            assertThat(isView(catalog.path("nodes").path(SEED))).isFalse();

            assertThat(table.path("metadata").path("comment").asText()).isEqualTo("People's table, \"quoted\"\nover two lines");
            assertThat(column(table, "name").path("comment").asText()).isEqualTo("O'Brien or \"Bob\"");
            assertThat(column(table, "id").path("comment").asText()).isEqualTo("The person's id");
            assertThat(column(table, "city").path("comment").isNull()).as("an undocumented column has no comment").isTrue();
            JsonNode view = catalog.path("nodes").path(VIEW);
            assertThat(view.path("metadata").path("comment").asText()).isEqualTo("People's view");
            assertThat(column(view, "name").path("comment").asText()).isEqualTo("The view's name column");
            JsonNode incremental = catalog.path("nodes").path(INCREMENTAL);
            assertThat(incremental.path("metadata").path("comment").asText()).as("after an incremental run").isEqualTo("People's cities, added to");
            assertThat(column(incremental, "city").path("comment").asText()).isEqualTo("Where they live");
            JsonNode seed = catalog.path("nodes").path(SEED);
            assertThat(seed.path("metadata").path("comment").asText()).isEqualTo("People's seed");
            assertThat(column(seed, "name").path("comment").asText()).isEqualTo("The seed's name");
            JsonNode snapshot = catalog.path("nodes").path(SNAPSHOT);
            assertThat(snapshot.path("metadata").path("comment").asText()).isEqualTo("Where people's lived");
            assertThat(column(snapshot, "city").path("comment").asText()).isEqualTo("The city then");
            assertThat(names(snapshot.path("columns"))).extracting(c -> c.toLowerCase(Locale.ROOT))
                    .startsWith("id", "city").contains("dbt_scd_id", "dbt_valid_from", "dbt_valid_to");
            JsonNode source = catalog.path("sources").path(SOURCE);
            assertThat(source.path("metadata").path("comment").asText()).as("the seed's comment: sources' descriptions are not persisted")
                    .isEqualTo("People's seed");

            for (JsonNode relation : List.of(table, view, incremental, seed, source)) {
                assertThat(relation.path("stats").path("has_stats").path("include").asBoolean(true)).isFalse();
            }
            assertThat(names(view.path("stats"))).as("a view has no stats").containsExactly("has_stats");
            assertThat(view.path("stats").path("has_stats").path("value").asBoolean(true)).isFalse();
            Set<String> stats = Set.copyOf(names(table.path("stats")));
            assertThat(stats).containsExactlyInAnyOrderElementsOf(union(tableStats(), "has_stats"));
            assertThat(table.path("stats").path("has_stats").path("value").asBoolean()).isEqualTo(!tableStats().isEmpty());
        }
    }

    @Test
    public void selectionAndEmptyCatalog() {
        try (Workspace workspace = load(project("catalog"))) {
            assertSucceeded(run(workspace, Command.SEED));
            assertSucceeded(run(workspace, Command.RUN, "people_table", "people_view"));
            Path target = workspace.targetPath();
            CatalogGenerator.Result selected = workspace.writeCatalog(Set.of(VIEW, SOURCE), false, target, RunListener.NONE);
            JsonNode catalog = TestingDbtSchemas.read(selected.file());
            TestingDbtSchemas.assertValid(catalog, TestingDbtSchemas.CATALOG);
            assertThat(names(catalog.path("nodes"))).containsExactly(VIEW);
            assertThat(names(catalog.path("sources"))).containsExactly(SOURCE);

            CatalogGenerator.Result all = workspace.writeCatalog(null, false, target, RunListener.NONE);
            assertThat(all.missing()).as("not built yet").containsExactlyInAnyOrder(INCREMENTAL, SNAPSHOT);
            assertThat(all.nodes()).isEqualTo(3);

            CatalogGenerator.Result empty = workspace.writeCatalog(null, true, target, RunListener.NONE);
            assertThat(empty.missing()).isEmpty();
            JsonNode emptyCatalog = TestingDbtSchemas.read(empty.file());
            TestingDbtSchemas.assertValid(emptyCatalog, TestingDbtSchemas.CATALOG);
            assertThat(emptyCatalog.path("nodes").size()).isZero();
            assertThat(emptyCatalog.path("sources").size()).isZero();
        }
    }

    /**
     * A comment the engine refuses fails its node but leaves the relation built; a catalog query that
     * fails is an entry in catalog.json's errors, not a missing file.
     */
    @Test
    public void aRefusedCommentKeepsTheTableAndACatalogErrorIsRecorded() {
        Path project = project("catalog");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.SEED));
        }
        StringBuilder broken = new StringBuilder();
        // the root project's engine macro comes first in dbt's namespace, as in dbt
        for (String engine : List.of("duckdb", "trino", "spark")) {
            broken.append("{% macro ").append(engine).append("""
                    __alter_relation_comment(relation, relation_comment) -%}
                    comment on table {{ relation.incorporate(path={'identifier': 'no_such_relation'}) }} is 'refused'
                    {%- endmacro %}
                    """);
        }
        broken.append("""
                {% macro get_catalog(information_schema, schemas) -%}
                  {{ exceptions.raise_compiler_error('the catalog is broken on purpose') }}
                {%- endmacro %}
                """);
        write(project.resolve("macros/broken.sql"), broken.toString());
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.RUN, "people_table");
            assertThat(result(summary, "people_table").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result(summary, "people_table").message()).containsIgnoringCase("no_such_relation");
            assertThat(count(workspace, "people_table")).as("the table stays built").isEqualTo(3);

            CatalogGenerator.Result result = workspace.writeCatalog(null, false, workspace.targetPath(), RunListener.NONE);
            assertThat(result.errors()).singleElement().asString().contains("the catalog is broken on purpose");
            JsonNode catalog = TestingDbtSchemas.read(result.file());
            TestingDbtSchemas.assertValid(catalog, TestingDbtSchemas.CATALOG);
            assertThat(catalog.path("errors").get(0).asText()).contains("the catalog is broken on purpose");
            assertThat(catalog.path("nodes").size()).isZero();
        }
    }

    private static JsonNode column(JsonNode table, String name) {
        JsonNode columns = table.path("columns");
        for (String key : names(columns)) {
            if (key.equalsIgnoreCase(name)) {
                return columns.path(key);
            }
        }
        throw new AssertionError("no column " + name + " in " + names(columns));
    }

    private static boolean isView(JsonNode table) {
        return table.path("metadata").path("type").asText().toLowerCase(Locale.ROOT).contains("view");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> union(Set<String> set, String more) {
        Set<String> all = new java.util.HashSet<>(set);
        all.add(more);
        return all;
    }
}
