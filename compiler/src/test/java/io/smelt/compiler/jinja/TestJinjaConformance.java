package io.smelt.compiler.jinja;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Every case of the Jinja2 conformance corpus (what Jinja2 3.1.6 with dbt's macro rules renders). */
class TestJinjaConformance {
    private static final String BASE = "/jinja-conformance/";
    private static final Path CASE_FILE = Path.of("models/case.sql");
    /** Where errors raised inside corpus macros happen (the corpus names the line only for syntax errors). */
    private static final Map<String, SourcePosition> ERROR_AT = Map.of(
            "raise_in_macro", SourcePosition.of(Path.of("macros/probe_root.sql"), 7),
            "undefined_call_in_macro", SourcePosition.of(Path.of("macros/probe_root.sql"), 10));
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private static JinjaEngine engine;

    @BeforeAll
    static void load() {
        engine = TestingJinja.engine("root", List.of(),
                new MacroSource("root", Path.of("macros/probe_root.sql"), resource("macros/root/probe_root.sql")),
                new MacroSource("probe_pkg", Path.of("macros/probe_pkg.sql"), resource("macros/probe_pkg/probe_pkg.sql")));
    }

    /** The shared corpus, more cases recorded from Jinja2 3.1.6 the same way ({@code extra-cases.json}), and {@code python-cases.json} from {@code generate_python_cases.py}. */
    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("cases.json", "extra-cases.json", "python-cases.json")) {
            JsonNode all = new ObjectMapper().readTree(resource(file));
            all.forEach(c -> out.add(Arguments.of(c.get("id").asText(), c)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conforms(String id, JsonNode c) {
        String template = c.get("template").asText();
        if (c.has("output")) {
            assertThat(render(template)).isEqualTo(c.get("output").asText());
            return;
        }
        String error = c.get("error").asText();
        SourcePosition expected = ERROR_AT.get(id);
        if (expected == null) {
            Matcher m = LINE.matcher(error);
            expected = SourcePosition.of(CASE_FILE, m.find() ? Integer.parseInt(m.group(1)) : 1);
        }
        SourcePosition at = expected;
        assertThatThrownBy(() -> render(template))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().kind()).isEqualTo(ErrorKind.JINJA);
                    assertThat(e.first().at()).as(e.getMessage()).isEqualTo(at);
                    String detail = error.substring(error.indexOf(':') + 1).trim();
                    if (error.startsWith("UndefinedError") || error.startsWith("TypeError")
                            || error.startsWith("CompilationError")) {
                        assertThat(e.first().message()).contains(detail);
                    }
                });
    }

    private static String render(String template) {
        return engine.render(engine.parse("root", CASE_FILE, template), Map.of());
    }

    static String resource(String name) {
        try (InputStream in = TestJinjaConformance.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                fail("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
