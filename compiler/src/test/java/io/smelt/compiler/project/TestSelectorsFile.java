package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.IndirectSelection;
import io.smelt.compiler.graph.SelectorDefinition.Difference;
import io.smelt.compiler.graph.SelectorDefinition.Expression;
import io.smelt.compiler.graph.SelectorDefinition.Selectors;
import io.smelt.compiler.graph.SelectorDefinition.Union;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSelectorsFile {
    @TempDir
    Path dir;

    private Selectors read(String text) throws IOException {
        Files.writeString(dir.resolve("selectors.yml"), text);
        return SelectorsFile.read(dir, new TestingYamlRenderer(Map.of("NIGHTLY_TAG", "nightly"), Map.of("depth", "2")));
    }

    @Test
    void definitionsAreRenderedAndCarryTheirOwnMode() throws IOException {
        Selectors selectors = read("""
                version: 2
                selectors:
                  - name: nightly
                    description: the nightly run
                    definition:
                      method: tag
                      value: "{{ env_var('NIGHTLY_TAG') }}"
                      parents: true
                      parents_depth: "{{ var('depth') }}"
                      indirect_selection: cautious
                  - name: nightly_but_staging
                    default: true
                    definition:
                      union:
                        - method: selector
                          value: nightly
                        - "orders customers"
                        - exclude:
                            - path: models/staging
                """);
        assertThat(selectors.defaultName()).isEqualTo("nightly_but_staging");
        Expression nightly = new Expression("2+tag:nightly", IndirectSelection.CAUTIOUS);
        assertThat(selectors.byName()).containsExactly(
                Map.entry("nightly", nightly),
                Map.entry("nightly_but_staging", new Difference(
                        new Union(List.of(nightly, new Expression("orders customers"))),
                        new Union(List.of(new Expression("path:models/staging"))))));
    }

    @Test
    void anEmptyFileHasNoSelectors() throws IOException {
        assertThat(read("# nothing yet\n")).isEqualTo(Selectors.NONE);
    }

    @Test
    void badInputIsReportedAtItsLine() {
        String head = "selectors:\n  - name: a\n    definition:\n";
        assertBad(head + "      method: tagg\n      value: x\n", 4, "selector 'tagg:x' uses an unknown method 'tagg'");
        assertBad(head + "      method: tag\n      value: x\n      childen: true\n", 6, "unknown key 'childen' in a selector definition");
        assertBad(head + "      tag: x\n    defualt: true\n", 5, "unknown key 'defualt' in a selector");
        assertBad("selector:\n  - name: a\n", 1, "unknown key 'selector' at the top of selectors.yml");
        assertBad(head + "      tag: x\n    default: true\n  - name: b\n    definition: c\n    default: true\n", 8,
                "selectors 'a' and 'b' are both default: true");
        assertBad(head + "      method: selector\n      value: nope\n", 4, "selectors.yml has no selector 'nope'");
        assertBad(head + "      method: selector\n      value: a\n", 4, "selector 'a' refers to itself");
        assertBad(head + "      method: selector\n      value: b\n  - name: b\n    definition: x\n", 4,
                "selector 'b' is defined below 'a'");
        assertBad(head + "      union:\n        - method: selector\n          value: b\n"
                        + "  - name: b\n    definition:\n      method: selector\n      value: a\n", 5,
                "selectors refer to each other in a cycle: a -> b -> a");
        assertBad(head + "      method: selector\n      value: b\n      children: true\n", 6,
                "'children' does not apply to method: selector");
        assertBad(head + "      method: tag\n      value: x\n      indirect_selection: lazy\n", 6,
                "indirect_selection: unknown indirect selection 'lazy'");
        assertBad(head + "      method: tag\n      value: x\n      parents: true\n      parents_depth: two\n", 7,
                "parents_depth: expected a whole number of levels, found the text 'two'");
        assertBad(head + "      method: tag\n      value: x\n      childrens_parents: true\n      children: true\n", 7,
                "childrens_parents: and children: cannot be combined");
        assertBad(head + "      union: [a, b]\n      tag: x\n", 4, "a union: or intersection: stands alone at the root of a definition");
        assertBad(head + "      union:\n        - \"@a+\"\n", 5, "selector '@a+' uses both '@' and a trailing '+'");
        assertBad(head + "      value: x\n      parents: true\n", 4, "a selector definition needs method: and value:");
        assertBad("selectors:\n  - name: a\n    definition:\n", 3, "a selector definition is empty");
        assertBad(head + "      union:\n        - tag:\n", 5, "a selector definition needs a method and a value");
    }

    @Test
    void invalidYamlIsAYamlErrorAtItsLine() {
        assertThatThrownBy(() -> read("selectors:\n  - name: a\n    definition: [tag:x\n"))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().kind()).isEqualTo(ErrorKind.YAML);
                    assertThat(e.first().at().file()).isEqualTo(Path.of("selectors.yml"));
                    assertThat(e.first().at().line()).isGreaterThan(0);
                });
    }

    private void assertBad(String text, int line, String message) {
        assertThatThrownBy(() -> read(text)).as(text)
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().kind()).isEqualTo(ErrorKind.SELECTOR);
                    assertThat(e.first().message()).startsWith(message);
                    assertThat(e.first().at().toString()).startsWith("selectors.yml:" + line + ":");
                });
    }
}
