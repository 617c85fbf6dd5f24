package io.smelt.adapter.spark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSparkTypeMapping {
    @Test
    void contractTypesMeetSparksSpellings() {
        SparkTypeMapping types = SparkTypeMapping.INSTANCE;
        assertThat(types.contractMatches("int", "int")).isTrue();
        assertThat(types.contractMatches("integer", "int")).isTrue();
        assertThat(types.contractMatches("varchar(10)", "string")).as("Spark's text has no length").isTrue();
        assertThat(types.contractMatches("string", "string")).isTrue();
        assertThat(types.contractMatches("decimal", "decimal(10,0)")).as("Spark's default precision").isTrue();
        assertThat(types.contractMatches("decimal(10,2)", "decimal(10,2)")).isTrue();
        assertThat(types.contractMatches("decimal(10,2)", "decimal(11,2)")).isFalse();
        assertThat(types.contractMatches("array<int>", "array<int>")).isTrue();
        assertThat(types.contractMatches("bigint", "int")).isFalse();
    }
}
