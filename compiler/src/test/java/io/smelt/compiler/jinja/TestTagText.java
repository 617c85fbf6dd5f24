package io.smelt.compiler.jinja;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTagText {
    @Test
    void splitsAtTopLevelOutsideStringsAndBrackets() {
        assertThat(TagText.split("a, f(b, c), 'd,e', [1, 2], {'k': 1, 'l': 2}", ','))
                .containsExactly("a", "f(b, c)", "'d,e'", "[1, 2]", "{'k': 1, 'l': 2}");
        assertThat(TagText.split("a, b,", ',')).containsExactly("a", "b");
        assertThat(TagText.split("", ',')).containsExactly("");
        assertThat(TagText.split("x | f('|') | g", '|')).containsExactly("x", "f('|')", "g");
    }

    @Test
    void findsWholeWordsAtDepthZeroFromAnIndex() {
        assertThat(TagText.indexOfWord("item in items", "in", 0)).isEqualTo(5);
        assertThat(TagText.indexOfWord("x in f(y in z)", "in", 3)).isEqualTo(-1);
        assertThat(TagText.indexOfWord("inner in 'in' ", "in", 0)).isEqualTo(6);
        assertThat(TagText.indexOfWord("a if b else c", "else", 5)).isEqualTo(7);
        assertThat(TagText.indexOfWord("a if b else c", "else", 8)).isEqualTo(-1);
    }

    @Test
    void findsTheAssignmentNotAComparison() {
        assertThat(TagText.indexOfAssign("a == b")).isEqualTo(-1);
        assertThat(TagText.indexOfAssign("x = a <= b")).isEqualTo(2);
        assertThat(TagText.indexOfAssign("f(k=1)")).isEqualTo(-1);
        assertThat(TagText.indexOfAssign("s = '='")).isEqualTo(2);
        assertThat(TagText.indexOfAssign("a != b")).isEqualTo(-1);
    }

    @Test
    void matchesBracketsAcrossNestingAndStrings() {
        assertThat(TagText.matching("f(a, [b], ')') + 1", 1)).isEqualTo(13);
        assertThat(TagText.matching("x[{'a': (1)}]", 1)).isEqualTo(12);
        assertThat(TagText.matching("f(a", 1)).isEqualTo(-1);
    }

    @Test
    void findsTheLastCallsArguments() {
        assertThat(TagText.lastCallArgs("adapter.dispatch('x')(a, b) ")).isEqualTo(21);
        assertThat(TagText.lastCallArgs("f(x)")).isEqualTo(1);
        assertThat(TagText.lastCallArgs("(x)")).isEqualTo(-1);
        assertThat(TagText.lastCallArgs("f(x)[0]")).isEqualTo(-1);
        assertThat(TagText.lastCallArgs("f(x) + g")).isEqualTo(-1);
    }
}
