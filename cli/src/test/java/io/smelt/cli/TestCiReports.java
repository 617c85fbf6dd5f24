package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** --junit-xml, GitHub Actions annotations and the step summary, on the jaffle_shop fixture with a failing test and a broken model. */
class TestCiReports {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() {
        project = TestingProjects.copy("jaffle_shop", dir.resolve("repo/analytics"),
                Map.of("type", "duckdb", "path", dir.resolve("j.duckdb").toString()));
    }

    @Test
    void aFailingBuildIsReportedAsJUnitXmlAnnotationsAndAStepSummary() throws Exception {
        Path schema = project.resolve("models/marts/schema.yml");
        // 'returned' is no longer accepted: the orders that have it fail the test
        TestingFiles.replace(schema, "'return_pending', 'returned']", "'return_pending']");
        Files.writeString(project.resolve("models/marts/broken.sql"), "select missing_column from {{ ref('stg_customers') }}\n");
        Path summaryFile = dir.resolve("step-summary.md");
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_WORKSPACE", dir.resolve("repo").toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());

        // the engine, not the SQL check (which stops a build before it runs, exit 2), is to refuse broken.sql
        Result result = smelt(env, "build", "--junit-xml", "target/junit.xml", "--no-sql-check");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(project.resolve("target/junit.xml").toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("smelt build");
        assertThat(suite.getAttribute("failures")).as(result.out()).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        List<Element> cases = elements(suite.getElementsByTagName("testcase"));
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases.size()));
        assertThat(cases).extracting(c -> c.getAttribute("name")).contains("orders", "customers", "raw_orders");

        Element failed = cases.stream().filter(c -> c.getAttribute("name").startsWith("accepted_values_orders_")).findFirst().orElseThrow();
        assertThat(failed.getAttribute("classname")).isEqualTo("test.jaffle_shop");
        assertThat(failed.getAttribute("file")).isEqualTo("models/marts/schema.yml");
        assertThat(failed.getAttribute("line")).isEqualTo("33");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).as("one value not accepted").isEqualTo("1 failing row");
        assertThat(failure.getTextContent()).contains("compiled SQL: target/compiled/jaffle_shop/models/marts/schema.yml/accepted_values_orders_");

        Element broken = cases.stream().filter(c -> c.getAttribute("name").equals("broken")).findFirst().orElseThrow();
        assertThat(broken.getAttribute("classname")).isEqualTo("model.jaffle_shop");
        assertThat(((Element) broken.getElementsByTagName("error").item(0)).getAttribute("message")).contains("missing_column");
        assertThat(cases).filteredOn(c -> c.getAttribute("name").equals("customers")).singleElement()
                .satisfies(c -> assertThat(c.getElementsByTagName("failure").getLength() + c.getElementsByTagName("error").getLength()).isZero());

        // GitHub reads workflow commands from standard output; paths are relative to the repository
        List<String> annotations = result.out().lines().filter(l -> l.startsWith("::")).toList();
        assertThat(annotations).hasSize(2);
        assertThat(annotations).anySatisfy(line -> assertThat(line)
                .startsWith("::error file=analytics/jaffle_shop/models/marts/schema.yml,line=33,col=13,title=test accepted_values_orders_")
                .contains("failed::1 failing row (compiled SQL: target/compiled/").doesNotContain("\n"));
        assertThat(annotations).anySatisfy(line -> assertThat(line).startsWith("::error file=analytics/jaffle_shop/models/marts/broken.sql")
                .contains("title=model broken errored::"));

        String markdown = Files.readString(summaryFile);
        assertThat(markdown).startsWith("### smelt build: 2 failures").contains("| fail | 1 |", "| error | 1 |")
                .contains("| `broken` (model) | error |").contains("models/marts/schema.yml:33");
    }

    @Test
    void aPassingRunWritesJUnitXmlAndNoAnnotationsOutsideGitHub() throws Exception {
        Result built = smelt(Map.of(), "build", "-s", "+stg_customers");
        assertThat(built.exitCode()).as(built.out() + built.err()).isZero();
        Result result = smelt(Map.of(), "test", "-s", "stg_customers", "--junit-xml", dir.resolve("out/tests.xml").toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).doesNotContain("::error");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("out/tests.xml").toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("smelt test");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isGreaterThan(0);
        assertThat(elements(suite.getElementsByTagName("testcase"))).allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo("test.jaffle_shop"));
    }

    /**
     * Every kind of test on the test_configs fixture (generic with each config, custom generic,
     * singular, unit), failing and passing: the JUnit XML's outcome and count for each, and the exit code.
     */
    @Test
    void everyKindOfTestFailsAndPassesInTheJUnitXml() throws Exception {
        Path configs = TestingProjects.copy("test_configs", dir.resolve("configs"),
                Map.of("type", "duckdb", "path", dir.resolve("c.duckdb").toString()));
        Path unitTests = configs.resolve("models/orders.yml");
        TestingFiles.replace(unitTests, "{status: placed, total: 15}", "{status: placed, total: 16}");

        Result failing = TestingCli.inProject(configs, "build", "--junit-xml", "target/junit.xml");

        assertThat(failing.exitCode()).as(failing.out()).isEqualTo(1);
        Map<String, String> outcomes = outcomes(configs.resolve("target/junit.xml"));
        assertThat(outcomes).containsEntry("unique_orders_id", "failure: 1 failing row")
                .containsEntry("status_rows_in_duplicates", "failure: 3 failing rows")
                .containsEntry("is_even_orders_id", "failure: 4 failing rows")
                .containsEntry("assert_no_returns", "failure: 1 failing row")
                .containsEntry("order_totals_by_status", "failure: 2 failing rows")
                .containsEntry("order_totals", "skipped")
                .containsEntry("unique_id_warns", "out: WARN 1")
                .containsEntry("only_placed_limited", "out: WARN 2")
                .containsEntry("even_ids_only", "pass")
                .containsEntry("no_huge_amounts", "pass")
                .containsEntry("amounts_not_negative_when_shipped", "pass")
                .containsEntry("orders", "pass");

        Result passing = TestingCli.inProject(configs, "test", "--select",
                "even_ids_only no_huge_amounts amounts_not_negative_when_shipped unique_id_warns", "--junit-xml", "target/pass.xml");
        assertThat(passing.exitCode()).as(passing.out()).isZero();
        assertThat(outcomes(configs.resolve("target/pass.xml"))).containsOnly(Map.entry("even_ids_only", "pass"),
                Map.entry("no_huge_amounts", "pass"), Map.entry("amounts_not_negative_when_shipped", "pass"),
                Map.entry("unique_id_warns", "out: WARN 1"));
    }

    /** Each testcase's name and outcome: failure with its message, skipped, error, WARN output, or pass. */
    private static Map<String, String> outcomes(Path junitXml) throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junitXml.toFile());
        Map<String, String> outcomes = new HashMap<>();
        for (Element testcase : elements(xml.getElementsByTagName("testcase"))) {
            Element failure = first(testcase, "failure");
            Element error = first(testcase, "error");
            Element out = first(testcase, "system-out");
            String outcome = failure != null ? "failure: " + failure.getAttribute("message")
                    : error != null ? "error: " + error.getAttribute("message")
                    : first(testcase, "skipped") != null ? "skipped"
                    : out != null ? "out: " + out.getTextContent().lines().findFirst().orElse("")
                    : "pass";
            outcomes.put(testcase.getAttribute("name"), outcome);
        }
        return outcomes;
    }

    private static Element first(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private Result smelt(Map<String, String> env, String... args) {
        return TestingCli.inProject(project, env, args);
    }
}
