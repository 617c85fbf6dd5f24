package io.smelt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.openlineage.OpenLineageListener;
import io.smelt.compiler.openlineage.OpenLineageSettings;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenLineage events of a build of the lineage fixture (seeded first), posted to a receiver on loopback: every
 * node's START and end arrive, and datasets carry the engine's namespace as OpenLineage names it
 * ({@code <type>://host:port} for a server, {@code <type>://<file>} for a database file) and
 * {@code database.schema.identifier} names, with schema and column lineage on a joining model.
 */
public abstract class BaseOpenLineageContractTest extends BaseProjectTest {
    @Test
    public void aBuildSendsEachNodesEventsWithTheEnginesNamespace() throws IOException {
        Map<String, Object> fields = targetFields(tempDir, schema());
        String expected = fields.get("type") + "://"
                + (fields.containsKey("host") ? fields.get("host") + ":" + fields.get("port") : fields.get("path"));
        try (Workspace workspace = load(project("lineage")); TestingLineageReceiver receiver = new TestingLineageReceiver(200)) {
            // the source is a seed's table: seeded first, as the lineage suite does
            assertSucceeded(run(workspace, Command.SEED));
            OpenLineageSettings settings = OpenLineageSettings.of(Map.of("OPENLINEAGE_URL", receiver.url()), tempDir, tempDir);
            RunListener listener = OpenLineageListener.around(RunListener.NONE, workspace, Command.BUILD, settings, "test");
            RunSummary summary = workspace.execute(new Invocation(Command.BUILD, new Selection(List.of(), List.of(), null), false, false),
                    listener);
            assertSucceeded(summary);
            List<JsonNode> events = receiver.events();
            assertThat(events).hasSize(2 * summary.results().size() + 2);

            JsonNode joined = events.stream().filter(e -> e.at("/job/name").asText().equals("model.lineage.joined_orders")
                    && e.at("/eventType").asText().equals("COMPLETE")).findFirst().orElseThrow();
            JsonNode output = joined.at("/outputs/0");
            assertThat(output.path("namespace").asText()).isEqualTo(expected);
            String name = Stream.of(database(workspace, "joined_orders"), schema(), "joined_orders").filter(Objects::nonNull)
                    .collect(Collectors.joining("."));
            assertThat(output.path("name").asText()).isEqualTo(name);
            assertThat(output.at("/facets/schema/fields").size()).isPositive();
            assertThat(output.at("/facets/columnLineage/fields/customer_name/inputFields/0/namespace").asText()).isEqualTo(expected);
            List<String> inputs = new ArrayList<>();
            joined.path("inputs").forEach(input -> inputs.add(input.path("namespace").asText()));
            assertThat(inputs).isNotEmpty().allMatch(expected::equals);
        }
    }
}
