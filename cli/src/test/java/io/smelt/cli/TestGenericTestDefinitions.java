package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generic tests as dbt names them, and bad test definitions as a user writes them, on the jaffle_shop
 * fixture. The expected ids of jaffle_shop's own tests are those in dbt's published manifests
 * (c5af1ff4b1 for unique_customers_customer_id); the others were computed with dbt-core's naming and
 * hashing code (generic_test_builders.py, schema_generic_tests.py) for the entries of extra.yml.
 */
class TestGenericTestDefinitions {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() {
        project = TestingProjects.copy("jaffle_shop", dir.resolve("jaffle_shop"),
                Map.of("type", "duckdb", "path", dir.resolve("j.duckdb").toString()));
    }

    @Test
    void testsGetTheNamesAliasesAndUniqueIdsDbtGivesThem() throws IOException {
        try (InputStream extra = getClass().getResourceAsStream("/generic_tests/extra.yml")) {
            Files.copy(extra, project.resolve("models/extra.yml"));
        }
        Result parse = TestingCli.inProject(project, "parse");
        assertThat(parse.exitCode()).as(parse.err()).isZero();

        Map<String, String> expected = new LinkedHashMap<>();
        // jaffle_shop, as in dbt's own manifests of the project
        expected.put("test.jaffle_shop.unique_customers_customer_id.c5af1ff4b1", "unique_customers_customer_id");
        expected.put("test.jaffle_shop.not_null_customers_customer_id.5c9bf9911d", "not_null_customers_customer_id");
        expected.put("test.jaffle_shop.unique_orders_order_id.fed79b3a6e", "unique_orders_order_id");
        expected.put("test.jaffle_shop.relationships_orders_customer_id__customer_id__ref_customers_.c6ec7f58f2",
                "relationships_orders_customer_id__customer_id__ref_customers_");
        expected.put("test.jaffle_shop.accepted_values_orders_status__placed__shipped__completed__return_pending__returned.be6b5b5ec3",
                "accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758");
        expected.put("test.jaffle_shop.not_null_stg_customers_customer_id.e2cfb1f9aa", "not_null_stg_customers_customer_id");
        expected.put("test.jaffle_shop.unique_stg_customers_customer_id.c7614daada", "unique_stg_customers_customer_id");
        // extra.yml: a source, a namespace, arguments:, a custom name, booleans and floats, a long hashed name
        expected.put("test.jaffle_shop.source_not_null_shop_raw_orders_id.d669ceeac9", "source_not_null_shop_raw_orders_id");
        expected.put("test.jaffle_shop.dbt_utils_source_accepted_range_shop_raw_orders_id__True__0.5b9b7a4ec2",
                "dbt_utils_source_accepted_range_shop_raw_orders_id__True__0");
        expected.put("test.jaffle_shop.dbt_utils_expression_is_true_raw_customers_id_0.fcadbcd031",
                "dbt_utils_expression_is_true_raw_customers_id_0");
        expected.put("test.jaffle_shop.dbt_utils_unique_combination_of_columns_raw_customers_id__first_name.83eee2cd77",
                "dbt_utils_unique_combination_o_65c26772fe4d2d2186963acf597895c8");
        expected.put("test.jaffle_shop.first_names_known.94310e6237", "first_names_known");
        expected.put("test.jaffle_shop.not_null_raw_customers_first_name.a0f9c9ea75", "not_null_raw_customers_first_name");
        expected.put("test.jaffle_shop.accepted_values_raw_customers_id__False__1__2_5.375e388564",
                "accepted_values_raw_customers_id__False__1__2_5");

        JsonNode nodes = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile()).get("nodes");
        expected.forEach((id, alias) -> {
            assertThat(nodes.has(id)).as("manifest has " + id).isTrue();
            JsonNode node = nodes.get(id);
            assertThat(node.get("name").asText()).isEqualTo(id.split("\\.")[2]);
            assertThat(node.get("alias").asText()).isEqualTo(alias);
            assertThat(node.get("path").asText()).isEqualTo(alias + ".sql");
        });

        // the names select, the long one compiles to its short file, and the warn test does not fail the run
        Result build = TestingCli.inProject(project, "build");
        assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
        Result test = TestingCli.inProject(project, "test", "--select",
                "accepted_values_orders_status__placed__shipped__completed__return_pending__returned first_names_known");
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).containsPattern("PASS accepted_values_orders_status__placed__shipped__completed__return_pending__returned\\b")
                .containsPattern("WARN 27 first_names_known\\b").contains("PASS=1 WARN=1 ERROR=0 SKIP=0 TOTAL=2");
        assertThat(project.resolve("target/compiled/jaffle_shop/models/marts/schema.yml/"
                + "accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758.sql")).isRegularFile();
    }

    @Test
    void anUnknownTestIsReportedAtItsLineWithTheClosestName() throws IOException {
        Result result = withTests("""
                      - name: id
                        data_tests:
                          - not_nul
                """);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/bad.yml:7:17: error: unknown test 'not_nul' on column id of seed raw_customers")
                .contains("hint: did you mean 'not_null'?");
    }

    @Test
    void aTestOfAPackageThatIsNotInstalledSaysSo() throws IOException {
        Result result = withTests("""
                      - name: id
                        data_tests:
                          - dbt_expectations.expect_column_values_to_be_unique
                """);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/bad.yml:7:17: error: unknown test 'dbt_expectations.expect_column_values_to_be_unique'")
                .contains("no package named 'dbt_expectations' is installed");
    }

    @Test
    void aMisspelledArgumentIsReportedBeforeAnythingRunsAndAMissingOneIsNot() throws IOException {
        Result result = withTests("""
                      - name: id
                        data_tests:
                          - accepted_values:
                              value: [1, 2]
                          - relationships:
                              arguments:
                                to: ref('raw_orders')
                """);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("models/bad.yml:7:17: error: test 'accepted_values' has no argument 'value' (it takes column_name, values, quote)")
                .contains("hint: did you mean 'values'?")
                // as in dbt, an argument left out reaches the macro undefined: not a project error
                .doesNotContain("needs the argument").doesNotContain("models/bad.yml:9:17");
        assertThat(result.out()).doesNotContain("OK loaded");
        assertThat(dir.resolve("j.duckdb")).doesNotExist();
    }

    @Test
    void anArgumentTheTestChecksWithIsDefinedMayBeLeftOut() throws IOException {
        Files.createDirectories(project.resolve("macros"));
        Files.writeString(project.resolve("macros/at_most.sql"), """
                {% test at_most(model, column_name, threshold) %}
                select * from {{ model }} where {{ column_name }} > {{ threshold if threshold is defined else 1000000 }}
                {% endtest %}
                """);
        Files.writeString(project.resolve("models/bad.yml"), """
                version: 2
                seeds:
                  - name: raw_customers
                    columns:
                      - name: id
                        data_tests:
                          - at_most
                          - at_most:
                              name: at_most_ten
                              threshold: 10
                              config:
                                severity: warn
                """);
        Result result = TestingCli.inProject(project, "build", "--select", "raw_customers");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).containsPattern("PASS at_most_raw_customers_id\\b").contains("WARN 90 at_most_ten");
    }

    @Test
    void aColumnTestListedUnderTheModelRunsWithoutAColumnAsInDbt() throws IOException {
        Result result = withModelTests("""
                    data_tests:
                      - unique
                """);
        // dbt passes column_name undefined and the test's SQL fails when it runs: a failed node, not a project error
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out()).contains("OK loaded").containsPattern("ERROR.*unique_raw_customers_");
    }

    @Test
    void badConfigValuesAreReported() throws IOException {
        Result result = withTests("""
                      - name: id
                        data_tests:
                          - unique:
                              config:
                                severity: fatal
                                warn_if: 10
                                limit: some
                """);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/bad.yml:7:17: error: test 'unique' has severity 'fatal'; expected warn or error")
                .contains("test 'unique' has warn_if '10'; expected a comparison with the failure count")
                .contains("hint: quote it as dbt does: warn_if: \">10\"")
                .contains("test 'unique' has limit 'some'; expected a whole number of rows");
    }

    @Test
    void aTestOnAColumnTheModelDoesNotHaveNamesTheLineAndTheColumns() throws IOException {
        Result result = withTests("""
                      - name: frist_name
                        data_tests:
                          - not_null
                """);
        assertThat(result.exitCode()).as(result.out()).isEqualTo(2);
        assertThat(result.out()).contains("models/bad.yml:7:17: test 'not_null_raw_customers_frist_name' is on column 'frist_name', "
                        + "which seed raw_customers does not have (its columns: id, first_name, last_name)")
                .contains("did you mean 'first_name' or 'last_name'?");
        assertThat(result.out()).contains("PASS=").contains("ERROR=1");
    }

    private Result withTests(String columns) throws IOException {
        return build("""
                version: 2
                seeds:
                  - name: raw_customers
                    columns:
                """ + columns.indent(4));
    }

    private Result withModelTests(String tests) throws IOException {
        return build("""
                version: 2
                seeds:
                  - name: raw_customers
                """ + tests);
    }

    private Result build(String yaml) throws IOException {
        Files.writeString(project.resolve("models/bad.yml"), yaml);
        return TestingCli.inProject(project, "build", "--select", "raw_customers+");
    }
}
