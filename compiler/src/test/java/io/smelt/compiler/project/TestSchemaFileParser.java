package io.smelt.compiler.project;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.FreshnessThreshold;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TestSchemaFileParser {
    private static final Map<String, String> ENV = Map.of("SMELT_TEST_EVENTS_SCHEMA", "prod");
    private static final Map<String, Object> VARS = Map.of("owner", "ana", "orders_table", "orders_v2", "legacy", "old");

    private static SchemaFile parse(String fixture) {
        return SchemaFileParser.parse(Path.of("models", fixture), Fixtures.text("schema/" + fixture),
                new TestingYamlRenderer(ENV, VARS));
    }

    private static Diagnostic failure(String fixture) {
        return catchThrowableOfType(SmeltException.class, () -> parse(fixture)).first();
    }

    private static SourcePosition at(String fixture, int line, int column) {
        return new SourcePosition(Path.of("models", fixture), line, column);
    }

    @Test
    void readsModels() {
        SchemaFile file = parse("models.yml");

        assertThat(file.path()).isEqualTo(Path.of("models/models.yml"));
        assertThat(file.version()).isEqualTo(2);
        NodeProperties orders = file.models().get(0);
        assertThat(orders.name()).isEqualTo("orders");
        assertThat(orders.at()).isEqualTo(at("models.yml", 4, 5));
        assertThat(orders.description()).isEqualTo("Orders placed by {{ doc('customers') }}");
        assertThat(orders.config()).containsEntry("materialized", "table")
                .containsEntry("schema", "analytics")
                .containsEntry("post-hook", "grant select on {{ this }} to reporter")
                .containsEntry("tags", List.of("finance"));
        assertThat(orders.meta()).containsEntry("owner", "ana");
        assertThat(orders.tags()).containsExactly("daily");
        assertThat(orders.docs()).containsEntry("show", false);
        assertThat(orders.other()).containsEntry("latest_version", 2);
        assertThat(orders.versions()).hasSize(2);
        assertThat(orders.versions().get(1).v()).isEqualTo(1);
        assertThat(orders.versions().get(1).definedIn()).isEqualTo("orders_old");
        assertThat(orders.versions().get(0).definedIn()).isNull();
        assertThat(orders.versions().get(0).includes("legacy_id")).isFalse();
        assertThat(orders.versions().get(0).includes("status")).isTrue();
        assertThat(orders.versions().get(0).tests()).as("none of its own: the model's apply").isNull();
    }

    @Test
    void readsColumns() {
        NodeProperties orders = parse("models.yml").models().get(0);

        assertThat(orders.columns()).extracting(ColumnProperties::name).containsExactly("order_id", "status", "customer_id", "2024");
        ColumnProperties id = orders.columns().get(0);
        assertThat(id.description()).isEqualTo("Primary key");
        assertThat(id.dataType()).isEqualTo("integer");
        assertThat(id.quote()).isTrue();
        assertThat(id.at()).isEqualTo(at("models.yml", 30, 9));
        ColumnInfo status = orders.columns().get(1).toColumnInfo();
        assertThat(status.meta()).containsEntry("pii", false).containsEntry("owner", "ops");
        assertThat(status.tags()).containsExactly("status", "from_config");
        assertThat(orders.columns().get(3).quote()).isNull();
    }

    @Test
    void readsEveryTestShape() {
        NodeProperties orders = parse("models.yml").models().get(0);

        TestSpec expression = orders.tests().get(0);
        assertThat(expression.testName()).isEqualTo("dbt_utils.expression_is_true");
        assertThat(expression.namespace()).isEqualTo("dbt_utils");
        assertThat(expression.shortName()).isEqualTo("expression_is_true");
        assertThat(expression.args()).containsExactly(Map.entry("expression", "amount >= 0"));
        assertThat(expression.config()).containsExactly(Map.entry("where", "status != 'void'"));
        assertThat(expression.at()).isEqualTo(at("models.yml", 25, 9));

        List<TestSpec> idTests = orders.columns().get(0).tests();
        assertThat(idTests).extracting(TestSpec::testName).containsExactly("unique", "not_null");
        assertThat(idTests.get(0).args()).isEmpty();
        assertThat(idTests.get(0).namespace()).isNull();
        assertThat(idTests.get(1).config()).containsExactly(Map.entry("severity", "warn"));

        List<TestSpec> statusTests = orders.columns().get(1).tests();
        assertThat(statusTests.get(0).args()).containsExactly(
                Map.entry("values", List.of("placed", "shipped", "returned")), Map.entry("quote", false));
        assertThat(statusTests.get(1).args()).containsExactly(Map.entry("values", List.of("placed", "shipped")));
        assertThat(statusTests.get(1).config()).containsExactly(Map.entry("severity", "warn"),
                Map.entry("where", "order_date > '{{ var('start_date') }}'"));
        TestSpec named = statusTests.get(2);
        assertThat(named.testName()).isEqualTo("accepted_values");
        assertThat(named.customName()).isEqualTo("status_is_known");
        assertThat(named.args()).containsExactly(Map.entry("values", List.of("placed")));
        assertThat(named.config()).containsExactly(Map.entry("severity", "error"), Map.entry("tags", List.of("nightly")),
                Map.entry("where", "1 = 1"));

        TestSpec relationships = orders.columns().get(2).tests().get(0);
        assertThat(relationships.args()).containsExactly(Map.entry("to", "ref('customers')"), Map.entry("field", "id"));
    }

    @Test
    void anExposureOfAnUnknownTypeIsAnErrorAtItsLine() {
        Diagnostic error = failure("bad_exposure.yml");

        assertThat(error.at()).isEqualTo(at("bad_exposure.yml", 5, 11));
        assertThat(error.message()).contains("type of exposure 'weekly'").contains("dashboard, notebook, analysis, ml, application");
    }

    @Test
    void aConfigOrNameUnderArgumentsConfiguresTheTestAsDbt110Does() {
        NodeProperties trips = parse("arguments_config.yml").models().get(0);

        TestSpec expression = trips.tests().get(0);
        assertThat(expression.args()).containsExactly(Map.entry("expression", "fare >= 0"));
        assertThat(expression.config()).containsExactly(Map.entry("where", "kind = 'paid'"));
        List<TestSpec> idTests = trips.columns().get(0).tests();
        assertThat(idTests.get(0).args()).isEmpty();
        assertThat(idTests.get(0).config()).containsExactly(Map.entry("where", "service_date > '2024-01-01'"),
                Map.entry("severity", "warn"));
        assertThat(idTests.get(1).customName()).isEqualTo("trip_id_is_unique");
        assertThat(idTests.get(1).args()).isEmpty();
    }

    @Test
    void readsSeedsSnapshotsAnalysesAndMacros() {
        SchemaFile file = parse("models.yml");

        assertThat(file.seeds()).singleElement().satisfies(seed -> {
            assertThat(seed.config()).containsEntry("column_types", Map.of("id", "bigint"));
            assertThat(seed.columns().get(0).tests()).extracting(TestSpec::testName).containsExactly("unique");
        });
        assertThat(file.snapshots()).singleElement().satisfies(s -> assertThat(s.config()).containsEntry("unique_key", "id"));
        assertThat(file.analyses()).singleElement().satisfies(a -> assertThat(a.description()).isEqualTo("A report"));
        assertThat(file.macros()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("cents_to_dollars");
            assertThat(m.description()).isEqualTo("Converts {{ cents }}");
            assertThat(m.arguments()).containsExactly(Map.of("name", "column_name", "type", "string"));
        });
        assertThat(file.ignoredSections()).containsExactly("semantic_models");
        assertThat(file.exposures()).singleElement().satisfies(e -> {
            assertThat(e.name() + "|" + e.type() + "|" + e.owner()).isEqualTo("dashboard|dashboard|{name=me}");
            assertThat(e.dependsOn()).isEmpty();
        });
        assertThat(file.unitTests()).singleElement().satisfies(u -> {
            assertThat(u.model()).isEqualTo("orders");
            assertThat(u.expect().rows()).containsExactly(Map.of("id", 1));
        });
        assertThat(file.warnings()).extracting(YamlWarning::format)
                .containsExactly("models/models.yml:105:1: warning: unknown section 'extra_section' is ignored");
    }

    @Test
    void readsSources() {
        SchemaFile file = parse("sources.yml");

        SourceProperties raw = file.sources().get(0);
        assertThat(raw.name()).isEqualTo("raw");
        assertThat(raw.database()).isEqualTo("raw_db");
        assertThat(raw.schema()).isEqualTo("raw");
        assertThat(raw.loader()).isEqualTo("fivetran");
        assertThat(raw.loadedAtField()).isEqualTo("_loaded_at");
        assertThat(raw.freshness().warnAfter()).isEqualTo(new FreshnessThreshold.After(12L, "hour"));
        assertThat(raw.quoting()).containsEntry("identifier", true);
        assertThat(raw.meta()).containsEntry("team", "data");
        assertThat(raw.tags()).containsExactly("raw");
        assertThat(raw.config()).containsEntry("enabled", true);
        assertThat(raw.at()).isEqualTo(at("sources.yml", 2, 5));

        SourceTableProperties orders = raw.tables().get(0);
        assertThat(orders.identifier()).isEqualTo("orders_v2");
        assertThat(orders.description()).isEqualTo("Orders {{ doc('x') }}");
        assertThat(orders.loadedAtField()).isEqualTo("updated_at");
        assertThat(orders.columns().get(0).tests()).extracting(TestSpec::testName).containsExactly("unique", "not_null");
        assertThat(orders.tests().get(0).args()).containsEntry("combination_of_columns", List.of("id", "line"));
        assertThat(orders.at()).isEqualTo(at("sources.yml", 16, 9));
        SourceTableProperties customers = raw.tables().get(1);
        assertThat(customers.identifier()).isEqualTo("customers");
        assertThat(customers.freshness()).as("freshness: null").isNull();

        SourceProperties events = file.sources().get(1);
        assertThat(events.database()).isNull();
        assertThat(events.schema()).isEqualTo("prod_events");
        assertThat(events.overrides()).isEqualTo("other_pkg");
        assertThat(events.tables().get(0).external()).containsEntry("location", "s3://bucket/dev/clicks");
    }

    @Test
    void emptyFileHasNothing() {
        SchemaFile file = SchemaFileParser.parse(Path.of("models/empty.yml"), "# nothing yet\n", YamlRenderer.NONE);

        assertThat(file.isEmpty()).isTrue();
        assertThat(file.version()).isNull();
    }

    @Test
    void anAnchoredBlockMayBeReusedOnManyModels() {
        StringBuilder text = new StringBuilder("version: 2\nmodels:\n");
        for (int i = 0; i < 80; i++) {
            text.append("  - name: m").append(i).append('\n')
                    .append(i == 0 ? "    columns: &cols\n      - name: id\n        tests: [unique, not_null]\n" : "    columns: *cols\n");
        }

        SchemaFile file = SchemaFileParser.parse(Path.of("models/many.yml"), text.toString(), YamlRenderer.NONE);

        assertThat(file.models()).hasSize(80);
        assertThat(file.models().get(79).columns()).extracting(ColumnProperties::name).containsExactly("id");
        assertThat(file.models().get(79).columns().get(0).tests()).hasSize(2);
    }

    @Test
    void syntaxErrorPointsAtTheOpeningQuote() {
        Diagnostic error = failure("bad_syntax.yml");

        assertThat(error.kind()).isEqualTo(ErrorKind.YAML);
        assertThat(error.at()).isEqualTo(at("bad_syntax.yml", 6, 22));
        assertThat(error.message()).startsWith("a quoted value that is never closed");
        assertThat(error.hint()).isEqualTo("add the closing quote, or escape quotes inside the value");
    }

    @Test
    void testWithMisindentedArgumentsIsAnError() {
        Diagnostic error = failure("bad_test.yml");

        assertThat(error.kind()).isEqualTo(ErrorKind.YAML);
        assertThat(error.at()).isEqualTo(at("bad_test.yml", 8, 13));
        assertThat(error.message()).isEqualTo("a test entry must name one test, found the keys accepted_values, values");
        assertThat(error.hint()).contains("test_name:");
    }

    @Test
    void testThatIsAListIsAnError() {
        Diagnostic error = failure("bad_test_list.yml");

        assertThat(error.kind()).isEqualTo(ErrorKind.YAML);
        assertThat(error.at()).isEqualTo(at("bad_test_list.yml", 4, 9));
        assertThat(error.message()).isEqualTo("data test: expected a test name (- unique) or a mapping with one test name "
                + "(- accepted_values: {values: [...]}), found a list");
    }

    @Test
    void testsAndDataTestsTogetherIsAnError() {
        Diagnostic error = failure("both_test_keys.yml");

        assertThat(error.at()).isEqualTo(at("both_test_keys.yml", 4, 5));
        assertThat(error.message()).isEqualTo("model 'orders' has both tests: and data_tests:");
    }

    @Test
    void entryWithoutNameIsAnError() {
        Diagnostic error = failure("no_name.yml");

        assertThat(error.at()).isEqualTo(at("no_name.yml", 2, 5));
        assertThat(error.message()).isEqualTo("each entry under models: needs a name:");
    }

    @Test
    void sameConfigKeyTwiceInATestIsAnError() {
        String text = "models:\n  - name: m\n    data_tests:\n      - unique:\n          severity: warn\n          config: {severity: error}\n";

        Diagnostic error = catchThrowableOfType(SmeltException.class,
                () -> SchemaFileParser.parse(Path.of("m.yml"), text, YamlRenderer.NONE)).first();

        assertThat(error.at()).isEqualTo(new SourcePosition(Path.of("m.yml"), 4, 9));
        assertThat(error.message()).isEqualTo("test 'unique' sets severity both at its top level and under config:");
    }

    @Test
    void anchorsAndMergeKeysWork() {
        String text = "models:\n  - name: a\n    config: &defaults\n      materialized: table\n      tags: [x]\n"
                + "  - name: b\n    config:\n      <<: *defaults\n      schema: s\n";

        SchemaFile file = SchemaFileParser.parse(Path.of("m.yml"), text, YamlRenderer.NONE);

        assertThat(file.models().get(1).config()).isEqualTo(Map.of("materialized", "table", "tags", List.of("x"), "schema", "s"));
    }

    @Test
    void lastOfDuplicateKeysWinsAsInDbt() {
        String text = "models:\n  - name: a\n    description: first\n    description: second\n";

        assertThat(SchemaFileParser.parse(Path.of("m.yml"), text, YamlRenderer.NONE).models().get(0).description())
                .isEqualTo("second");
    }

    @Test
    void readsColumnAndModelConstraintsWithDbtsDefaults() {
        NodeProperties orders = parse("contracts.yml").models().get(0);

        assertThat(orders.columns().get(0).constraints()).containsExactly(constraint("not_null", null, null, List.of()));
        assertThat(orders.columns().get(1).constraints().get(0)).containsEntry("type", "foreign_key")
                .containsEntry("to", "ref('payments')").containsEntry("to_columns", List.of("amount"));
        Map<String, Object> key = new java.util.LinkedHashMap<>(constraint("primary_key", "orders_pk", null, List.of()));
        key.put("columns", List.of("id"));
        assertThat((List<?>) orders.other().get("constraints")).hasSize(2).first().isEqualTo(key);
        assertThat((List<?>) orders.other().get("constraints")).last()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("expression", "amount >= 0").containsEntry("warn_unenforced", false)
                .containsEntry("warn_unsupported", true).containsEntry("columns", List.of());
    }

    @Test
    void anUnknownConstraintTypeIsAnErrorAtItsLine() {
        Diagnostic error = failure("bad_constraint.yml");

        assertThat(error.at()).isEqualTo(at("bad_constraint.yml", 9, 13));
        assertThat(error.message()).isEqualTo("constraint type 'not_nul' of column 'id' of model 'orders' is not a constraint dbt knows");
        assertThat(error.hint()).contains("check, not_null, unique, primary_key, foreign_key, custom");
    }

    private static Map<String, Object> constraint(String type, String name, String expression, List<String> toColumns) {
        Map<String, Object> constraint = new java.util.LinkedHashMap<>();
        constraint.put("type", type);
        constraint.put("name", name);
        constraint.put("expression", expression);
        constraint.put("warn_unenforced", true);
        constraint.put("warn_unsupported", true);
        constraint.put("to", null);
        constraint.put("to_columns", toColumns);
        return constraint;
    }
}
