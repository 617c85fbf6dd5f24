package io.smelt.adapter.testing;

import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Session;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample project and jaffle_shop hold the same rows on every engine: each relation they build is
 * read back, its values written as engine-neutral text, its rows sorted and hashed, and the hashes
 * compared with {@code row-hashes.txt}, one file every engine matches. With
 * {@code -Dsmelt.writeRowHashes=true} the test writes that file instead (done once, on DuckDB).
 */
public abstract class BaseSameRowsContractTest extends BaseProjectTest {
    private static final Path HASHES = Path.of("adapters/testing/src/test/resources/row-hashes.txt");
    private static final Set<String> BUILT = Set.of("model", "seed", "snapshot");

    @Test
    public void sampleProjectHoldsTheSameRowsOnEveryEngine() throws IOException {
        assertSameRows("sample-project");
    }

    @Test
    public void jaffleShopHoldsTheSameRowsOnEveryEngine() throws IOException {
        assertSameRows("jaffle_shop");
    }

    private void assertSameRows(String name) throws IOException {
        Path project = project(name);
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
            List<String> actual = new ArrayList<>();
            for (Node node : workspace.manifest().nodes().values().stream()
                    .filter(n -> BUILT.contains(n.resourceType().dbtName()) && !"ephemeral".equals(n.config().materialized()))
                    .sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
                actual.add(name + " " + node.name() + " " + hash(workspace, relation(workspace, node.name()), project, node.name()));
            }
            Path file = TestingProjects.repositoryRoot().resolve(HASHES);
            if (Boolean.getBoolean("smelt.writeRowHashes")) {
                List<String> kept = new ArrayList<>(Files.exists(file) ? Files.readAllLines(file) : List.of());
                kept.removeIf(line -> line.startsWith(name + " "));
                kept.addAll(actual);
                Files.write(file, kept);
            }
            List<String> expected = Files.readAllLines(file).stream().filter(line -> line.startsWith(name + " ")).toList();
            assertThat(actual).as("rows per relation: count and hash (rows as text under " + project.resolve("target/rows") + ")")
                    .containsExactlyElementsOf(expected);
        }
    }

    /** {@code <rows> <sha256>} of a relation's columns and sorted rows; the text hashed goes to target/rows/. */
    private String hash(Workspace workspace, String relation, Path project, String name) throws IOException {
        List<String> rows = new ArrayList<>();
        String header;
        try (Session session = workspace.openSession()) {
            QueryResult result = session.execute("select * from " + relation, true, -1);
            header = String.join("|", result.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            for (List<Object> row : result.rows()) {
                rows.add(String.join("|", row.stream().map(BaseSameRowsContractTest::neutral).toList()));
            }
        }
        rows.sort(null);
        String text = header + "\n" + String.join("\n", rows) + "\n";
        Files.createDirectories(project.resolve("target/rows"));
        Files.writeString(project.resolve("target/rows/" + name + ".txt"), text);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return rows.size() + " " + HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@link #text}, with floating-point values to 12 significant digits: engines compute the last
     * bits of a double differently.
     */
    static String neutral(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return BigDecimal.valueOf(d).round(new MathContext(12)).stripTrailingZeros().toPlainString();
        }
        return text(value);
    }
}
