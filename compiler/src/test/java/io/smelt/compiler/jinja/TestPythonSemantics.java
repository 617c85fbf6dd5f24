package io.smelt.compiler.jinja;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Smelt's emulation of Python's {@code datetime}, {@code re} and string formatting against what CPython 3
 * prints: each case of {@code python-semantics/*.tsv} is an expression and its output under Jinja2, recorded
 * by {@code src/test/python/record_python_semantics.py}; {@code !Name} means Python raised that error.
 */
class TestPythonSemantics {
    private static final List<String> FILES = List.of("datetime.tsv", "re.tsv", "format.tsv");
    private static final JinjaEngine ENGINE =
            JinjaEngine.create(new JinjaEngine.Options("root", List.of(), List.of(), Map.of()), List.of());

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String file : FILES) {
            String text;
            try (InputStream in = TestPythonSemantics.class.getResourceAsStream("/python-semantics/" + file)) {
                assertThat(in).as(file).isNotNull();
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int lineNumber = 0;
            for (String line : text.split("\n", -1)) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                assertThat(tab).as("%s:%d has no recorded value; run record_python_semantics.py", file, lineNumber)
                        .isPositive();
                out.add(Arguments.of(file + ":" + lineNumber, line.substring(0, tab), unescape(line.substring(tab + 1))));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void printsWhatCPythonPrints(String where, String expression, String expected) {
        if (expected.startsWith("!")) {
            assertThat(catchThrowable(() -> render(expression)))
                    .as("%s: %s raises %s in Python", where, expression, expected.substring(1))
                    .isInstanceOf(RuntimeException.class);
            return;
        }
        assertThat(render(expression)).as("%s: %s", where, expression).isEqualTo(expected);
    }

    private static String render(String expression) {
        return ENGINE.render(ENGINE.parse("root", Path.of("t.sql"), "{{ " + expression + " }}"), Map.of());
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    default -> next;
                });
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
