package io.smelt.compiler.project;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a user reads for each kind of YAML syntax error snakeyaml reports. */
class TestYamlSyntaxErrors {
    private static final Path FILE = Path.of("models/schema.yml");

    @Test
    void commonMistakesAreNamedWithAHint() {
        assertError("a:\n\tb: 1\n", 2, 1, "a tab character where YAML expects spaces (the YAML parser says: found character",
                "YAML indents with spaces only; replace the tabs with spaces");
        assertError("a: b: c\n", 1, 5, "a ':' where YAML does not allow one (the YAML parser says: mapping values are not allowed here)",
                "check this line's indentation, or put quotes around a value that contains ': '");
        assertError("a: 1\nb\nc: 2\n", 3, 1, "a line without ':' inside a mapping (the YAML parser says: could not find expected ':')",
                "write key: value, and check the indentation of the lines above");
        assertError("a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document ('---') in the file (the YAML parser says: but found another document)",
                "keep one document per file");
        assertError("a:\n  b: 1\n c: 2\n", 3, 2, "this line's indentation does not match the lines around it",
                "keys of one mapping must start at the same column, and list items with '- ' at the same column");
    }

    @Test
    void anUnclosedQuoteIsShownWhereItOpens() {
        assertError("a: x\nb: 'abc\nc: 1\n", 2, 4, "a quoted value that is never closed (the YAML parser says: found unexpected end of stream)",
                "add the closing quote, or escape quotes inside the value");
    }

    @Test
    void otherProblemsAreReportedAsTheParserSaysThem() {
        assertError("a: [1, 2\n", 2, 1, "invalid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence)", null);
        assertError("a: &x 1\nb: *y\n", 2, 4, "invalid YAML: found undefined alias y", null);
    }

    @Test
    void jinjaOnTheLineGetsTheQuotingHint() {
        assertError("a: b: {{ x }}\n", 1, 5, "a ':' where YAML does not allow one", YamlReader.QUOTE_JINJA_HINT);
    }

    @Test
    void aCharacterYamlDoesNotAllowIsShownAtItsPosition() {
        assertError("a: 1\nb: 2\u0007\n", 2, 5, "the file contains a character YAML does not allow (code point 7)",
                "remove the character or save the file as UTF-8 text");
    }

    private static void assertError(String text, int line, int column, String message, String hint) {
        SmeltException e = catchThrowableOfType(() -> new YamlReader(FILE, ErrorKind.PROJECT, YamlRenderer.NONE).compose(text),
                SmeltException.class);
        assertThat(e).as(text).isNotNull();
        Diagnostic d = e.first();
        assertThat(d.kind()).isEqualTo(ErrorKind.YAML);
        assertThat(d.at()).isEqualTo(new SourcePosition(FILE, line, column));
        assertThat(d.message()).startsWith(message);
        assertThat(d.hint()).isEqualTo(hint);
    }
}
