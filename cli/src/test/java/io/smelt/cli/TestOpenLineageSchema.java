package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a failing {@code build} of {@link LineageShop} sends, checked against OpenLineage's
 * JSON schema when its files are at hand: the folder laid out as {@code https://openlineage.io/spec/}
 * serves them ({@code 2-0-2/OpenLineage.json}, {@code facets/1-1-0/ParentRunFacet.json}, ...; the
 * OpenLineage repository's {@code website/static/spec}), named by the system property or variable
 * {@code openlineage.spec.dir} / {@code OPENLINEAGE_SPEC_DIR}, or {@code shared/openlineage-spec}
 * beside the repository. Each event validates against the RunEvent schema and each facet against
 * the schema its {@code _schemaURL} names. Without those files (no network reaches them here), each
 * event is read back by OpenLineage's own model and must write back unchanged, with every field the
 * schema requires present.
 */
class TestOpenLineageSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SPEC = "https://openlineage.io/spec/";

    @TempDir
    Path dir;

    @Test
    void everyEventOfABuildIsValid() throws IOException {
        Path project = LineageShop.write(dir);
        Path file = dir.resolve("events.jsonl");
        TestingFiles.write(project.resolve("openlineage.yml"), "transport:\n  type: file\n  location: " + file + "\n");
        Result build = TestingCli.inProject(project, LineageShop.environment(dir), "build");
        assertThat(build.exitCode()).as(build.out() + build.err()).isEqualTo(1);
        List<String> events = Files.readAllLines(file);
        assertThat(events).hasSize(18);
        Path spec = specDir();
        for (String event : events) {
            JsonNode json = MAPPER.readTree(event);
            List<String> problems = spec == null ? modelProblems(event, json) : schemaProblems(spec, json);
            assertThat(problems).as(event).isEmpty();
        }
    }

    private static Path specDir() {
        String named = System.getProperty("openlineage.spec.dir", System.getenv("OPENLINEAGE_SPEC_DIR"));
        if (named != null && !named.isBlank()) {
            Path dir = Path.of(named);
            assertThat(dir.resolve("2-0-2/OpenLineage.json")).as("openlineage.spec.dir").isRegularFile();
            return dir;
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared/openlineage-spec");
            if (Files.isRegularFile(candidate.resolve("2-0-2/OpenLineage.json"))) {
                return candidate;
            }
        }
        return null;
    }

    private final Map<String, JsonSchema> schemas = new HashMap<>();

    private List<String> schemaProblems(Path spec, JsonNode event) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SPEC, spec.toUri().toString())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        List<String> problems = new ArrayList<>();
        validate(factory, config, SPEC + "2-0-2/OpenLineage.json#/$defs/RunEvent", event, problems);
        List<JsonNode> facets = new ArrayList<>();
        collectFacets(event, facets);
        assertThat(facets).as("facets of " + event).isNotEmpty();
        for (JsonNode facet : facets) {
            String url = facet.path("_schemaURL").asText();
            assertThat(url).startsWith(SPEC);
            validate(factory, config, url, facet, problems);
        }
        return problems;
    }

    private void validate(JsonSchemaFactory factory, SchemaValidatorsConfig config, String url, JsonNode node, List<String> problems) {
        JsonSchema schema = schemas.computeIfAbsent(url, u -> factory.getSchema(SchemaLocation.of(u), config));
        Set<ValidationMessage> messages = schema.validate(node);
        messages.forEach(message -> problems.add(url + ": " + message));
    }

    private static void collectFacets(JsonNode node, List<JsonNode> facets) {
        if (node.isObject() && node.has("_schemaURL")) {
            facets.add(node);
        }
        node.forEach(child -> collectFacets(child, facets));
    }

    /** Read back by OpenLineage's model and written again, the event must be the same; and what the schema requires is there. */
    private static List<String> modelProblems(String text, JsonNode json) throws IOException {
        List<String> problems = new ArrayList<>();
        OpenLineage.RunEvent event = OpenLineageClientUtils.runEventFromJson(text);
        JsonNode again = MAPPER.readTree(OpenLineageClientUtils.toJson(event));
        if (!again.equals(json)) {
            problems.add("not the same once read by OpenLineage's model: " + again);
        }
        for (String field : List.of("/eventTime", "/producer", "/schemaURL", "/eventType", "/run/runId", "/job/namespace", "/job/name")) {
            if (!json.at(field).isTextual() || json.at(field).asText().isEmpty()) {
                problems.add("missing " + field);
            }
        }
        UUID.fromString(json.at("/run/runId").asText());
        java.time.OffsetDateTime.parse(json.at("/eventTime").asText());
        if (!java.net.URI.create(json.at("/producer").asText()).isAbsolute()) {
            problems.add("producer is not an absolute URI");
        }
        if (!Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER").contains(json.at("/eventType").asText())) {
            problems.add("eventType " + json.at("/eventType"));
        }
        for (String side : List.of("inputs", "outputs")) {
            json.path(side).forEach(dataset -> {
                if (dataset.path("namespace").asText().isEmpty() || dataset.path("name").asText().isEmpty()) {
                    problems.add(side + " without namespace or name: " + dataset);
                }
            });
        }
        List<JsonNode> facets = new ArrayList<>();
        collectFacets(json, facets);
        for (JsonNode facet : facets) {
            if (!java.net.URI.create(facet.path("_producer").asText()).isAbsolute() || !facet.path("_schemaURL").asText().startsWith(SPEC)) {
                problems.add("facet without _producer or _schemaURL: " + facet);
            }
        }
        return problems;
    }
}
