package io.smelt.compiler.jinja;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every case of the conformance corpus (what Jinja2 3.1.6 renders under dbt's macro rules), plus
 * {@code extra-cases.json} (more plain-Jinja constructs, recorded from Jinja2 3.1.6): outputs byte for
 * byte; errors with the same kind of message at the same line.
 */
class TestJinjaConformance {
    private static final Pattern ERROR = Pattern.compile("(\\w+)(?: line (\\d+))?: (.*)", Pattern.DOTALL);
    /** Runtime errors raised inside a corpus macro: where Smelt reports them (file line, not macro line). */
    private static final Map<String, String> MACRO_ERROR_AT = Map.of(
            "raise_in_macro", "macros/probe_root.sql:7",
            "undefined_call_in_macro", "macros/probe_root.sql:10");

    private static JinjaEngine engine;

    @BeforeAll
    static void load() {
        engine = TestingJinja.corpusEngine();
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("cases.json", "extra-cases.json")) {
            JsonNode all = new ObjectMapper().readTree(Files.readString(TestingJinja.resource("jinja-conformance/" + file)));
            all.forEach(c -> out.add(Arguments.of(c.get("id").asText(), c)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conforms(String id, JsonNode c) {
        Path path = Path.of("models/" + id + ".sql");
        String template = c.get("template").asText();
        if (c.has("output")) {
            Template t = engine.parse("root", path, template);
            assertThat(engine.render(t, Map.of())).isEqualTo(c.get("output").asText());
            return;
        }
        Matcher m = ERROR.matcher(c.get("error").asText());
        assertThat(m.matches()).isTrue();
        SmeltException e = catchThrowableOfType(() -> engine.render(engine.parse("root", path, template), Map.of()),
                SmeltException.class);
        assertThat(e).as("expected %s", c.get("error").asText()).isNotNull();
        assertThat(e.first().kind()).isEqualTo(ErrorKind.JINJA);
        assertThat(e.getMessage()).contains(m.group(3));
        SourcePosition at = e.first().at();
        String expectedAt = MACRO_ERROR_AT.getOrDefault(id, path + ":" + (m.group(2) == null ? "1" : m.group(2)));
        assertThat(at.file() + ":" + at.line()).isEqualTo(expectedAt);
    }
}
