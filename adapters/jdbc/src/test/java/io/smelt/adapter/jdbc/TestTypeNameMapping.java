package io.smelt.adapter.jdbc;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTypeNameMapping {
    /** A small engine: {@code int} and {@code text} renamed, decimals keep their arguments. */
    private static final TypeNameMapping ENGINE = new TypeNameMapping(
            Map.of("int", "INT4", "text", "STR", "decimal", "DEC", "number", "DEC"), "LIST<%s>", "DICT(%s => %s)", "REC{%s}") {
        @Override
        protected String known(ScalarName name, String mapped) {
            return keepingArguments(name, mapped, Set.of("DEC"));
        }
    };

    @Test
    void scalarsAreLookedUpByBaseNameWithArgumentsKeptOnlyWhereTheyBelong() {
        assertThat(ENGINE.translate("INT")).isEqualTo("INT4");
        assertThat(ENGINE.translate(" int(11) ")).isEqualTo("INT4");
        assertThat(ENGINE.translate("Decimal( 10, 2 )")).isEqualTo("DEC(10,2)");
        assertThat(ENGINE.translate("number")).isEqualTo("decimal(38,0)");
        assertThat(ENGINE.translate("geography")).isEqualTo("geography");
        assertThat(ENGINE.translate("  ")).isEqualTo("  ");
    }

    @Test
    void containersAreMappedPartByPart() {
        assertThat(ENGINE.translate("int[]")).isEqualTo("LIST<INT4>");
        assertThat(ENGINE.translate("array<text>")).isEqualTo("LIST<STR>");
        assertThat(ENGINE.translate("map<text, array<int>>")).isEqualTo("DICT(STR => LIST<INT4>)");
        assertThat(ENGINE.translate("struct<a:int, b text, c:decimal(5,1)>")).isEqualTo("REC{a INT4, b STR, c DEC(5,1)}");
        assertThat(ENGINE.translate("map<int>")).as("wrong number of parts").isEqualTo("map<int>");
        assertThat(ENGINE.translate("struct<nofield>")).isEqualTo("struct<nofield>");
        assertThat(ENGINE.translate("set<int>")).isEqualTo("set<int>");
    }
}
