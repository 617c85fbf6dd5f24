package io.smelt.adapter.jdbc;

import io.smelt.adapter.EngineException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSeedBatches {
    @Test
    void rowsFillStatementsUpToTheLimit() {
        List<String> sent = new ArrayList<>();
        // head "I(" and tail ")" around rows joined by commas: "I(aa,bb)" is 8 characters
        SeedBatches batches = new SeedBatches("I(", ")", 8, (sql, rows) -> {
            sent.add(sql + "/" + rows);
            return rows;
        });
        for (String row : List.of("aa", "bb", "cc", "dddd")) {
            batches.add(row, null);
        }
        assertThat(batches.finish()).isEqualTo(4);
        assertThat(sent).containsExactly("I(aa,bb)/2", "I(cc)/1", "I(dddd)/1");
    }

    @Test
    void theSendersCountIsTheTotalAndNothingIsSentForNoRows() {
        SeedBatches none = new SeedBatches("I(", ")", 100, (sql, rows) -> {
            throw new AssertionError("nothing to send");
        });
        assertThat(none.finish()).isZero();
        SeedBatches reported = new SeedBatches("I(", ")", 100, (sql, rows) -> 10L * rows);
        reported.add("a", null);
        reported.add("b", null);
        assertThat(reported.finish()).isEqualTo(20);
    }

    @Test
    void aRowTooLongForAStatementIsRefusedWhenTheEngineHasALimit() {
        SeedBatches strict = new SeedBatches("I(", ")", 6, (sql, rows) -> rows);
        assertThatThrownBy(() -> strict.add("toolong", () -> new EngineException("row too long", null)))
                .isInstanceOf(EngineException.class).hasMessage("row too long");
        List<String> sent = new ArrayList<>();
        SeedBatches lenient = new SeedBatches("I(", ")", 6, (sql, rows) -> {
            sent.add(sql);
            return rows;
        });
        lenient.add("toolong", null);
        lenient.finish();
        assertThat(sent).containsExactly("I(toolong)");
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        assertThat(SeedBatches.jsonString("say \"hi\" \\ it's\ttab\u0001")).isEqualTo("\"say \\\"hi\\\" \\\\ it's\\u0009tab\\u0001\"");
        assertThat(SeedBatches.jsonString("ünï ✓")).isEqualTo("\"ünï ✓\"");
        assertThat(SeedBatches.jsonString(null)).isEqualTo("null");
        StringBuilder out = new StringBuilder();
        SeedBatches.jsonArray(out, Arrays.asList("1", null, "x"));
        assertThat(out).hasToString("[\"1\",null,\"x\"]");
    }
}
