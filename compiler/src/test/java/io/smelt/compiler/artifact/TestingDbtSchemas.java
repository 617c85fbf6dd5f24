package io.smelt.compiler.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt's published artifact schemas, read from {@code shared/dbt-schemas} beside the repository: the
 * folder is looked for in the working directory and each folder above it.
 */
public final class TestingDbtSchemas {
    public static final String MANIFEST = "manifest_v12.json";
    public static final String RUN_RESULTS = "run-results_v6.json";
    public static final String SOURCES = "sources_v3.json";
    public static final String CATALOG = "catalog_v1.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private TestingDbtSchemas() {
    }

    public static Path schemaDir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("dbt-schemas");
            if (Files.isRegularFile(candidate.resolve(MANIFEST))) {
                return candidate;
            }
        }
        throw new IllegalStateException("dbt's artifact schemas were not found: no shared/dbt-schemas/" + MANIFEST
                + " in " + start + " or any folder above it; clone the shared folder beside the repository");
    }

    public static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, name -> {
            try {
                JsonNode schema = MAPPER.readTree(schemaDir().resolve(name).toFile());
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static JsonNode read(Path json) {
        try {
            return MAPPER.readTree(Files.readString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> problems(JsonNode document, String schemaFile) {
        Set<ValidationMessage> messages = schema(schemaFile).validate(document);
        return messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.toList());
    }

    public static void assertValid(JsonNode document, String schemaFile) {
        assertThat(problems(document, schemaFile)).as("problems against " + schemaFile).isEmpty();
    }
}
