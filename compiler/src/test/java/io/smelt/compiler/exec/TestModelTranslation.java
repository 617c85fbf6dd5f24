package io.smelt.compiler.exec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestModelTranslation {
    private static final String RAW = """
            {{ config(dialect='duckdb') }}
            select a,
              {{ col }} as b
            from {{ ref('x') }}
            qualify row_number() over (partition by a) = 1
            """;

    @Test
    void aRefusedLineIsFoundInTheModelFile() {
        assertThat(ModelTranslation.modelLine(RAW, "qualify row_number() over (partition by a) = 1", "qualify")).isEqualTo(5);
    }

    @Test
    void aLineJinjaBuiltIsFoundByItsConstructWhenOnlyOneLineHasIt() {
        assertThat(ModelTranslation.modelLine(RAW, "from \"db\".\"main\".\"x\" qualify x = 1", "qualify")).isEqualTo(5);
    }

    @Test
    void noLineWhenTheConstructIsOnSeveralLinesOrNone() {
        assertThat(ModelTranslation.modelLine(RAW, "b::int as c", "::")).isZero();
        assertThat(ModelTranslation.modelLine(RAW + "-- qualify again\n", "x qualify y", "qualify")).isZero();
    }
}
