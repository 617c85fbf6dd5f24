package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
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

/** {@code {% docs %}} blocks and {@code doc()} in descriptions, on the docs_blocks fixture (its manifest.json). */
class TestDocsBlocks {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() {
        project = TestingProjects.copy("docs_blocks", dir, Map.of("type", "duckdb", "path", dir.resolve("d.duckdb").toString()));
    }

    @Test
    void descriptionsTakeTheTextOfTheirDocsBlocks() throws IOException {
        Result result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
        JsonNode orders = manifest.path("nodes").path("model.docs_blocks.orders");
        assertThat(orders.path("description").asText()).isEqualTo("One row per order.\n\nAmounts are in **cents**.");
        assertThat(orders.path("columns").path("status").path("description").asText())
                .isEqualTo("The order's status: `placed`, `shipped` or `returned`.");
        assertThat(orders.path("columns").path("amount").path("description").asText()).isEqualTo("In euro cents.");
        assertThat(orders.path("columns").path("id").path("description").asText()).isEqualTo("plain text stays as written");
        assertThat(manifest.path("nodes").path("seed.docs_blocks.raw_customers").path("description").asText())
                .isEqualTo("Customers as the shop exports them (v2).");
        JsonNode source = manifest.path("sources").path("source.docs_blocks.shop.payments");
        assertThat(source.path("description").asText()).isEqualTo("euro cents");

        JsonNode doc = manifest.path("docs").path("doc.docs_blocks.orders_table");
        assertThat(doc.path("name").asText()).isEqualTo("orders_table");
        assertThat(doc.path("resource_type").asText()).isEqualTo("doc");
        assertThat(doc.path("package_name").asText()).isEqualTo("docs_blocks");
        assertThat(doc.path("path").asText()).isEqualTo("overview.md");
        assertThat(doc.path("original_file_path").asText()).isEqualTo("models/overview.md");
        assertThat(doc.path("block_contents").asText()).isEqualTo("One row per order.\n\nAmounts are in **cents**.");
        assertThat(manifest.path("docs").path("doc.shared_docs.currency").path("block_contents").asText()).isEqualTo("euro cents");
        assertThat(manifest.path("docs").size()).isEqualTo(5);
    }

    @Test
    void anUnknownDocIsAnErrorAtItsDescriptionWithTheClosestName() throws IOException {
        Path schema = project.resolve("models/schema.yml");
        TestingFiles.replace(schema, "doc(\"status_column\")", "doc(\"status_colum\")");
        Result result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/schema.yml:8:22").contains("doc 'status_colum' was not found")
                .contains("did you mean 'status_column'?");
    }

    @Test
    void aDocOfAnotherPackageIsLookedUpOnlyThere() throws IOException {
        Path schema = project.resolve("models/schema.yml");
        TestingFiles.replace(schema, "doc('shared_docs', 'currency')", "doc('shared_docs', 'status_column')");
        Result result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/schema.yml:10").contains("doc 'shared_docs.status_column' was not found");
    }

    @Test
    void aDocsBlockDefinedTwiceInOnePackageIsAnError() throws IOException {
        Files.writeString(project.resolve("models/again.md"), "\n{% docs orders_table %}again{% enddocs %}\n");
        Result result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/overview.md:5").contains("docs block 'orders_table' is defined twice")
                .contains("models/again.md:2");
    }
}
