package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.smelt.cli.TestingFiles.replace;
import static io.smelt.cli.TestingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code state:} selection against a production run's artifacts: each sub-selector, and the places
 * where Smelt selects less than dbt (whitespace and comments, environment-rendered configs, vars, macros).
 */
class TestStateSelection {
    private static final Map<String, String> PRODUCTION = Map.of("SHOP_SCHEMA", "analytics", "SHOP_ALIAS", "orders_prod");
    private static final Map<String, String> CI = Map.of("SHOP_SCHEMA", "pr_123", "SHOP_ALIAS", "orders_ci");

    @TempDir
    Path dir;
    Path project;
    Path prod;

    @BeforeEach
    void production() throws IOException {
        project = TestingFiles.shop(dir, "1.0", """
                vars:
                  limit_rows: 10
                  unused: 1
                  macro_var: a
                  h_schema: sales
                models:
                  shop:
                    +materialized: view
                    marts:
                      +schema: "{{ env_var('SHOP_SCHEMA') }}"
                      +materialized: table
                """);
        write(project.resolve("models/a.sql"), """
                -- the first model
                select 1 as id, 'x  y' as label
                """);
        write(project.resolve("models/b.sql"), "select id, {{ cents('id') }} as c from {{ ref('a') }} limit {{ var('limit_rows') }}\n");
        write(project.resolve("models/marts/c.sql"), """
                {{ config(alias=env_var('SHOP_ALIAS'), tags=['daily']) }}
                select * from {{ ref('b') }}
                """);
        write(project.resolve("models/d.sql"), "select {{ wrap_cents('2') }} as v, '{{ macro_var_reader() }}' as w\n");
        write(project.resolve("models/e.sql"), "{% if execute %}select {{ late() }} as x{% else %}select 1 as x{% endif %}\n");
        write(project.resolve("macros/m.sql"), """
                {% macro cents(x) %}({{ x }} * 100){% endmacro %}
                {% macro wrap_cents(x) %}{{ cents(x) }}{% endmacro %}
                {% macro macro_var_reader() %}{{ var('macro_var') }}{% endmacro %}
                {% macro late() %}42{% endmacro %}
                {% macro unused_macro() %}1{% endmacro %}
                """);
        write(project.resolve("seeds/s.csv"), "id\n1\n");
        write(project.resolve("models/g.sql"), "select 1 as id\n");
        write(project.resolve("models/h.sql"), "select 1 as id, 'a' as name\n");
        write(project.resolve("models/docs.yml"), """
                sources:
                  - name: raw
                    schema: "{{ env_var('SHOP_SCHEMA') }}_raw"
                    tables:
                      - name: events
                models:
                  - name: g
                    description: persisted
                    config:
                      persist_docs: {relation: true, columns: true}
                      alias: "g_{{ env_var('SHOP_ALIAS') }}"
                    columns:
                      - name: id
                        description: the id
                        data_tests:
                          - not_null:
                              config:
                                severity: error
                  - name: h
                    description: not persisted
                    config:
                      contract: {enforced: true}
                      schema: "{{ var('h_schema') }}"
                    columns:
                      - name: id
                        data_type: integer
                      - name: name
                        data_type: varchar
                """);
        Result parsed = TestingCli.inProject(project, PRODUCTION, "parse");
        assertThat(parsed.exitCode()).as(parsed.err()).isZero();
        prod = dir.resolve("prod");
        copy(project.resolve("target"), prod);
        assertThat(prod.resolve("smelt_state.json")).exists();
    }

    @Test
    void nothingChangedSelectsNothingEvenInAnotherEnvironment() {
        // the schema and alias configs (dbt_project.yml, config(), a properties file) render differently in CI;
        // what the files say is the same
        assertThat(selected("state:modified")).isEmpty();
        assertThat(selected("state:unmodified")).containsExactlyInAnyOrder("shop.a", "shop.b", "shop.marts.c", "shop.d", "shop.e", "shop.s",
                "shop.g", "shop.h", "shop.not_null_g_id", "source:shop.raw.events");
        assertThat(selected("state:old")).hasSize(10);
        assertThat(selected("state:new")).isEmpty();
    }

    @Test
    void whitespaceAndCommentsAreNotModifications() throws IOException {
        write(project.resolve("models/a.sql"), """
                -- the first model, now with a better comment
                /* and a block comment */
                {# and a Jinja comment #}
                select 1 as id,
                       'x  y' as label   -- trailing
                """);
        assertThat(selected("state:modified")).isEmpty();
        replace(project.resolve("models/a.sql"), "'x  y'", "'x y'");
        assertThat(selected("state:modified.body")).containsExactly("shop.a");
        assertThat(selected("state:modified.configs")).isEmpty();
    }

    @Test
    void aModelWrittenDifferentlyButMeaningTheSameIsNotModified() throws IOException {
        // production compiled (the SQL check records each model's SQL fingerprint in smelt_state.json)
        Result compiled = TestingCli.inProject(project, PRODUCTION, "compile");
        assertThat(compiled.exitCode()).as(compiled.err()).isZero();
        prod = dir.resolve("prod-compiled");
        copy(project.resolve("target"), prod);
        assertThat(Files.readString(prod.resolve("smelt_state.json"))).contains("\"sql\"");
        write(project.resolve("models/a.sql"), "SELECT 1 ID,\n       ('x  y') AS Label\n");
        write(project.resolve("models/marts/c.sql"), """
                {{ config(alias=env_var('SHOP_ALIAS'), tags=['daily']) }}
                SELECT *
                FROM {{ ref('b') }}
                """);
        assertThat(selected("state:modified")).as("keyword case, layout, AS and parentheses").isEmpty();
        write(project.resolve("models/a.sql"), "SELECT 1 ID,\n       ('x y') AS Label\n");
        assertThat(selected("state:modified")).containsExactly("shop.a");
    }

    @Test
    void configsAreComparedAsWritten() throws IOException {
        replace(project.resolve("models/marts/c.sql"), "tags=['daily']", "tags=['daily'], materialized='incremental'");
        assertThat(selected("state:modified.configs")).containsExactly("shop.marts.c");
        assertThat(selected("state:modified.relation")).isEmpty();
        assertThat(selected("state:modified.body")).containsExactly("shop.marts.c");
        assertThat(selected("state:modified.macros")).isEmpty();
    }

    @Test
    void relationChangesWhenTheFileChangesIt() throws IOException {
        replace(project.resolve("dbt_project.yml"), "+schema: \"{{ env_var('SHOP_SCHEMA') }}\"", "+schema: marts");
        assertThat(selected("state:modified.relation")).containsExactly("shop.marts.c");
        // tags are not a config change, as in dbt
        replace(project.resolve("dbt_project.yml"), "+schema: marts", "+schema: \"{{ env_var('SHOP_SCHEMA') }}\"\n      +tags: [x]");
        assertThat(selected("state:modified")).isEmpty();
    }

    @Test
    void persistedDescriptionsContractsAndTestConfigs() throws IOException {
        Path docs = project.resolve("models/docs.yml");
        replace(docs, "description: not persisted", "description: still not persisted");
        assertThat(selected("state:modified")).isEmpty();
        replace(docs, "description: the id", "description: the key");
        assertThat(selected("state:modified.persisted_descriptions")).containsExactly("shop.g", "shop.not_null_g_id");
        replace(docs, "data_type: varchar", "data_type: text");
        assertThat(selected("state:modified.contract")).containsExactly("shop.h");
        replace(docs, "severity: error", "severity: warn");
        assertThat(selected("state:modified.configs")).containsExactly("shop.not_null_g_id");
    }

    @Test
    void aBreakingContractChangeWarnsAndFailsAVersionedModel() throws IOException {
        write(project.resolve("models/v.sql"), "select 1 as id\n");
        write(project.resolve("models/versions.yml"), """
                models:
                  - name: v
                    latest_version: 1
                    config:
                      contract: {enforced: true}
                    columns:
                      - name: id
                        data_type: integer
                    versions:
                      - v: 1
                        defined_in: v
                """);
        assertThat(TestingCli.inProject(project, PRODUCTION, "parse").exitCode()).isZero();
        Path versioned = dir.resolve("prod_versioned");
        copy(project.resolve("target"), versioned);
        replace(project.resolve("models/docs.yml"), "data_type: integer", "data_type: varchar(3)");
        Result warned = TestingCli.inProject(project, CI, "ls", "--select", "state:modified.contract", "--state", versioned.toString());
        assertThat(warned.exitCode()).as(warned.err()).isZero();
        assertThat(warned.out() + warned.err()).contains(
                "breaking change to the enforced contract of model 'h': column id changed type from integer to varchar(3)");
        replace(project.resolve("models/docs.yml"), "data_type: varchar(3)", "data_type: integer");
        replace(project.resolve("models/versions.yml"), "data_type: integer", "data_type: bigint");
        Result refused = TestingCli.inProject(project, CI, "ls", "--select", "state:modified", "--state", versioned.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("breaking change to the enforced contract of versioned model 'v': column id changed type"
                + " from integer to bigint").contains("new version");
    }

    @Test
    void aSourceIsModifiedWhenTheFileMovesIt() throws IOException {
        replace(project.resolve("models/docs.yml"), "_raw\"", "_landing\"");
        assertThat(selected("state:modified.relation")).containsExactly("source:shop.raw.events");
    }

    @Test
    void aChangedVarMarksTheNodesThatReadIt() throws IOException {
        replace(project.resolve("dbt_project.yml"), "limit_rows: 10", "limit_rows: 20");
        assertThat(selected("state:modified")).containsExactly("shop.b");
        assertThat(selected("state:modified.vars")).containsExactly("shop.b");
        replace(project.resolve("dbt_project.yml"), "limit_rows: 20", "limit_rows: 10");
        replace(project.resolve("dbt_project.yml"), "unused: 1", "unused: 2");
        assertThat(selected("state:modified")).isEmpty();
        // read by a config, which the properties file writes
        replace(project.resolve("dbt_project.yml"), "h_schema: sales", "h_schema: finance");
        assertThat(selected("state:modified.vars")).containsExactly("shop.h");
        replace(project.resolve("dbt_project.yml"), "h_schema: finance", "h_schema: sales");
        // read in a macro the model calls
        replace(project.resolve("dbt_project.yml"), "macro_var: a", "macro_var: b");
        assertThat(selected("state:modified")).containsExactly("shop.d");
    }

    @Test
    void varsAndEnvironmentOfTheCommandLineAreNotChanges() {
        Result result = TestingCli.inProject(project, Map.of("SHOP_SCHEMA", "other", "SHOP_ALIAS", "other"), "ls", "--select",
                "state:modified", "--state", prod.toString(), "--vars", "{limit_rows: 99, macro_var: z}");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isBlank();
    }

    @Test
    void aChangedMacroMarksItsCallersDirectOrNot() throws IOException {
        replace(project.resolve("macros/m.sql"), "({{ x }} * 100)", "({{ x }}  *  100)");
        assertThat(selected("state:modified")).as("whitespace only").isEmpty();
        replace(project.resolve("macros/m.sql"), "({{ x }}  *  100)", "({{ x }} * 1000)");
        assertThat(selected("state:modified.macros")).containsExactlyInAnyOrder("shop.b", "shop.d");
        assertThat(selected("state:modified.body")).isEmpty();
        replace(project.resolve("macros/m.sql"), "{% macro late() %}42", "{% macro late() %}43");
        // called only when executing: found in the code all the same
        assertThat(selected("state:modified.macros")).containsExactlyInAnyOrder("shop.b", "shop.d", "shop.e");
        replace(project.resolve("macros/m.sql"), "{% macro unused_macro() %}1", "{% macro unused_macro() %}2");
        assertThat(selected("state:modified.macros")).containsExactlyInAnyOrder("shop.b", "shop.d", "shop.e");
    }

    @Test
    void newNodesAndSeeds() throws IOException {
        write(project.resolve("models/f.sql"), "select * from {{ ref('s') }}\n");
        write(project.resolve("seeds/s.csv"), "id\n1\n2\n");
        assertThat(selected("state:new")).containsExactly("shop.f");
        assertThat(selected("state:modified")).containsExactlyInAnyOrder("shop.f", "shop.s");
        assertThat(selected("state:modified.body")).containsExactlyInAnyOrder("shop.f", "shop.s");
        assertThat(selected("state:modified.macros")).isEmpty();
        assertThat(selected("state:old")).doesNotContain("shop.f");
    }

    @Test
    void graphOperatorsAndExplain() throws IOException {
        replace(project.resolve("dbt_project.yml"), "limit_rows: 10", "limit_rows: 20");
        assertThat(selected("state:modified+")).containsExactlyInAnyOrder("shop.b", "shop.marts.c");
        assertThat(selected("+state:modified")).containsExactlyInAnyOrder("shop.a", "shop.b");
        Result explained = ls("state:modified+", "--explain");
        assertThat(explained.out().lines().toList()).containsExactlyInAnyOrder(
                "shop.b        modified: vars: var limit_rows: 10 -> 20",
                "shop.marts.c  downstream of model.shop.b, which is modified");
        Result upstream = ls("@state:modified", "--explain");
        assertThat(upstream.out()).contains("shop.a        upstream of model.shop.b, which is modified (a leading + or @)");
        Result json = ls("state:modified", "--explain", "--output", "json");
        assertThat(json.out()).contains("\"why\":\"modified: vars: var limit_rows: 10 -> 20\"");
        assertThat(ls("state:modified").out().lines().toList()).containsExactly("shop.b");
    }

    @Test
    void badInput() throws IOException {
        Result bogus = ls("state:bogus");
        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.err()).contains("'bogus' is not a state; expected one of: new, old, modified, unmodified, modified.body");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result noManifest = TestingCli.inProject(project, CI, "ls", "--select", "state:modified", "--state", empty.toString());
        assertThat(noManifest.exitCode()).isEqualTo(2);
        assertThat(noManifest.err()).contains("has no manifest.json");
        write(empty.resolve("manifest.json"), "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v9.json\"}}");
        Result old = TestingCli.inProject(project, CI, "ls", "--select", "state:modified", "--state", empty.toString());
        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.err()).contains("is a manifest v9, older than Smelt reads");
        Result noState = TestingCli.inProject(project, CI, "ls", "--select", "state:modified");
        assertThat(noState.exitCode()).isEqualTo(2);
        assertThat(noState.err()).contains("no state was given");
    }

    private List<String> selected(String selector) {
        Result result = ls(selector);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().lines().filter(line -> !line.isBlank()).toList();
    }

    private Result ls(String selector, String... more) {
        String[] args = Stream.concat(Stream.of("ls", "--select", selector, "--state", prod.toString()), Arrays.stream(more))
                .toArray(String[]::new);
        return TestingCli.inProject(project, CI, args);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : List.of("manifest.json", "smelt_state.json")) {
            Files.copy(from.resolve(name), to.resolve(name));
        }
    }
}
