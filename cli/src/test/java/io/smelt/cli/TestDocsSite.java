package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs site of the sample project (DuckDB) in headless Chromium with the network off: search, a
 * node's page, its lineage upstream, a column's lineage, a selection; screenshots under
 * target/docs-screenshots. {@link TestDocsServe} serves the same over HTTP.
 */
class TestDocsSite {
    static final String SILVER = "model.smelt_sample.silver_user_events";
    static final String BRONZE = "model.smelt_sample.bronze_user_events";

    @TempDir
    static Path dir;

    static Path project;

    @BeforeAll
    static void generate() {
        project = TestingProjects.copy("sample-project", dir, Map.of("type", "duckdb", "path", dir.resolve("docs.duckdb").toString()));
        Result generated = TestingCli.inProject(project, "docs", "generate");
        assertThat(generated.exitCode()).as(generated.out() + generated.err()).isZero();
        assertThat(generated.out()).contains("Docs site written to target/index.html");
    }

    @Test
    void searchOpenFollowUpstreamColumnLineageAndSelect() throws IOException {
        try (TestingChromium chromium = TestingChromium.start()) {
            chromium.offline();
            var driver = chromium.web();
            driver.get(project.resolve("target/index.html").toUri().toString());
            ready(chromium);
            // every model, source, seed, snapshot, test and macro listed, none filtered out yet
            assertThat(driver.findElement(By.id("count")).getText()).matches("([1-9][0-9]{2,}) of \\1");
            chromium.screenshot("01-overview");

            driver.findElement(By.id("search")).sendKeys("silver_user");
            List<WebElement> rows = driver.findElements(By.cssSelector("#list .row"));
            assertThat(rows.get(0).getAttribute("data-uid")).isEqualTo(SILVER);
            chromium.screenshot("02-search");

            rows.get(0).click();
            title(chromium, "silver_user_events");
            assertThat(driver.getCurrentUrl()).endsWith("#!/model/" + SILVER);
            assertThat(driver.findElement(By.id("description")).getText()).contains("Events typed with try_cast");
            WebElement eventId = driver.findElement(By.cssSelector("#columns tr[data-col='event_id']"));
            assertThat(eventId.getText()).contains("The natural key").contains("unique").contains("not_null");
            assertThat(driver.findElement(By.cssSelector("#columns tr[data-col='date'] .type")).getText()).isEqualTo("DATE");
            assertThat(driver.findElement(By.id("code")).getText()).as("compiled SQL").containsIgnoringCase("from deduplicated").doesNotContain("{{");
            assertThat(graphNodes(chromium)).contains(SILVER, BRONZE, "model.smelt_sample.user_metrics_daily");
            chromium.screenshot("03-model");

            String before = driver.findElement(By.cssSelector("#graph g.view")).getAttribute("transform");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("var box = document.getElementById('graph');"
                    + "var r = box.getBoundingClientRect();"
                    + "box.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: r.left + 50, clientY: r.top + 50, bubbles: true, cancelable: true}));"
                    + "box.dispatchEvent(new MouseEvent('mousedown', {clientX: 100, clientY: 100, bubbles: true}));"
                    + "box.dispatchEvent(new MouseEvent('mousemove', {clientX: 160, clientY: 130, bubbles: true}));"
                    + "box.dispatchEvent(new MouseEvent('mouseup', {clientX: 160, clientY: 130, bubbles: true}));");
            assertThat(driver.findElement(By.cssSelector("#graph g.view")).getAttribute("transform")).as("zoomed and panned")
                    .isNotEqualTo(before).contains("scale(");

            driver.findElement(By.cssSelector("#graph g.gnode[data-uid='" + BRONZE + "']")).click();
            title(chromium, "bronze_user_events");
            assertThat(driver.findElement(By.id("depends-on")).getText()).contains("raw_user_events");
            chromium.screenshot("04-upstream");

            driver.navigate().back();
            title(chromium, "silver_user_events");
            driver.findElement(By.cssSelector("#columns tr[data-col='amount'] td.colname")).click();
            chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#column-lineage[data-complete]")));
            assertThat(edges(chromium, "up")).contains(BRONZE + ".amount");
            assertThat(edges(chromium, "origins")).contains("seed.smelt_sample.raw_user_events.amount");
            assertThat(edges(chromium, "down")).contains("model.smelt_sample.user_metrics_daily.total_revenue");
            assertThat(driver.getCurrentUrl()).endsWith("?col=amount");
            chromium.screenshot("05-column-lineage");

            WebElement filter = driver.findElement(By.id("graph-filter"));
            filter.clear();
            filter.sendKeys("+silver_user_events", Keys.ENTER);
            chromium.waiting().until(d -> graphNodes(chromium).size() == 4);
            assertThat(graphNodes(chromium)).containsExactlyInAnyOrder(SILVER, BRONZE, "seed.smelt_sample.raw_user_events",
                    "seed.smelt_sample.actions");
            chromium.screenshot("06-selection");

            assertThat(chromium.loadedUrls()).allSatisfy(url -> assertThat(url).startsWith("file:"));
        }
    }

    @Test
    void markdownIsRenderedSafely() throws IOException {
        try (TestingChromium chromium = TestingChromium.start()) {
            chromium.offline();
            chromium.web().get(project.resolve("target/index.html").toUri().toString());
            ready(chromium);
            Object html = ((org.openqa.selenium.JavascriptExecutor) chromium.web()).executeScript(
                    "return markdown('# Orders\\n\\n**One** row per <b>order</b>, see [docs](https://example.com) "
                            + "and [this](javascript:alert(1)).\\n\\n- `id`\\n- <img src=x onerror=alert(1)>');");
            assertThat(html).isEqualTo("<h3>Orders</h3>\n<p><strong>One</strong> row per &lt;b&gt;order&lt;/b&gt;, see "
                    // the link target ends at its first ")", as the page reads links; what is left stays text
                    + "<a href=\"https://example.com\" rel=\"noopener noreferrer\">docs</a> and this).</p>\n"
                    + "<ul><li><code>id</code></li><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>");
        }
    }

    @Test
    void staticIsOneFileWithoutCompiling() throws IOException {
        Path copy = TestingProjects.copy("sample-project", dir.resolve("static"), Map.of("type", "duckdb",
                "path", dir.resolve("static.duckdb").toString()));
        Result generated = TestingCli.inProject(copy, "docs", "generate", "--static", "--no-compile", "--empty-catalog");
        assertThat(generated.exitCode()).as(generated.out() + generated.err()).isZero();
        assertThat(copy.resolve("target/smelt-docs")).doesNotExist();
        assertThat(Files.readString(copy.resolve("target/index.html"))).doesNotContain("src=").doesNotContain("href=\"smelt-docs");
        try (TestingChromium chromium = TestingChromium.start()) {
            chromium.offline();
            chromium.web().get(copy.resolve("target/index.html").toUri() + "#!/model/" + SILVER);
            ready(chromium);
            title(chromium, "silver_user_events");
            assertThat(chromium.web().findElement(By.id("code")).getText()).as("raw code, not compiled").contains("{{ ref(");
            chromium.screenshot("07-static");
            assertThat(chromium.loadedUrls()).containsExactly(chromium.web().getCurrentUrl());
        }
    }

    @Test
    void aSourcesColumnsFeedModels() throws IOException {
        Path lineage = TestingProjects.copy("lineage", dir.resolve("lineage"), Map.of("type", "duckdb",
                "path", dir.resolve("lineage.duckdb").toString()));
        // the source's columns are read from the warehouse: its table is a seed
        Result seeded = TestingCli.inProject(lineage, "seed");
        assertThat(seeded.exitCode()).as(seeded.out() + seeded.err()).isZero();
        Result generated = TestingCli.inProject(lineage, "docs", "generate");
        assertThat(generated.exitCode()).as(generated.out() + generated.err()).isZero();
        assertThat(generated.out()).contains("Catalog written to target/catalog.json");
        try (TestingChromium chromium = TestingChromium.start()) {
            chromium.offline();
            var driver = chromium.web();
            driver.get(lineage.resolve("target/index.html").toUri().toString());
            ready(chromium);
            driver.findElement(By.cssSelector("#types button[data-type='source']")).click();
            List<WebElement> rows = driver.findElements(By.cssSelector("#list .row"));
            assertThat(rows).hasSize(1);
            rows.get(0).click();
            title(chromium, "shop.customers", "source");
            // only the warehouse's catalog knows a source's column types
            assertThat(driver.findElement(By.cssSelector("#columns tr[data-col='customer_id'] .type")).getText())
                    .as("type from catalog.json").isNotBlank();
            driver.findElement(By.cssSelector("#columns tr[data-col='customer_id'] td.colname")).click();
            chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#column-lineage[data-complete]")));
            assertThat(edges(chromium, "down")).contains("model.lineage.star_customers.customer_id",
                    "model.lineage.joined_orders.customer_name");
            assertThat(graphNodes(chromium)).contains("source.lineage.shop.customers", "model.lineage.star_customers");
            chromium.screenshot("09-source-column");
        }
    }

    static void ready(TestingChromium chromium) {
        chromium.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    static void title(TestingChromium chromium, String name) {
        title(chromium, name, "model");
    }

    static void title(TestingChromium chromium, String name, String type) {
        chromium.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#node-title"), name + " " + type));
    }

    static Set<String> graphNodes(TestingChromium chromium) {
        return chromium.web().findElements(By.cssSelector("#graph g.gnode")).stream().map(node -> node.getAttribute("data-uid"))
                .collect(Collectors.toSet());
    }

    private static List<String> edges(TestingChromium chromium, String list) {
        return chromium.web().findElements(By.cssSelector("#column-lineage ul." + list + " li[data-uid]")).stream()
                .map(item -> item.getAttribute("data-uid") + "." + item.getAttribute("data-col")).toList();
    }
}
