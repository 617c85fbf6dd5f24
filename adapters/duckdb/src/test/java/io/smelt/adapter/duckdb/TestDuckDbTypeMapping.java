package io.smelt.adapter.duckdb;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TestDuckDbTypeMapping {
    @TempDir
    Path project;

    @Test
    void mapsCrossEngineNames() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("string", "VARCHAR"), Map.entry("text", "VARCHAR"), Map.entry("varchar(255)", "VARCHAR"),
                Map.entry("int", "INTEGER"), Map.entry("integer", "INTEGER"), Map.entry("bigint", "BIGINT"), Map.entry("int64", "BIGINT"),
                Map.entry("float", "FLOAT"), Map.entry("float64", "DOUBLE"), Map.entry("double precision", "DOUBLE"),
                Map.entry("numeric(12, 4)", "DECIMAL(12,4)"), Map.entry("decimal", "DECIMAL"), Map.entry("number", "DECIMAL(38,0)"),
                Map.entry("boolean", "BOOLEAN"), Map.entry("date", "DATE"), Map.entry("timestamp", "TIMESTAMP"),
                Map.entry("timestamp_ntz", "TIMESTAMP"), Map.entry("timestamp_ltz", "TIMESTAMPTZ"), Map.entry("datetime", "TIMESTAMP"),
                Map.entry("bytes", "BLOB"), Map.entry("array<int>", "INTEGER[]"), Map.entry("map<string, bigint>", "MAP(VARCHAR, BIGINT)"),
                Map.entry("struct<a: int, b string>", "STRUCT(a INTEGER, b VARCHAR)"), Map.entry("int[]", "INTEGER[]"),
                Map.entry("my_enum", "my_enum"));
        cases.forEach((from, to) -> assertThat(DuckDbTypeMapping.map(from)).as(from).isEqualTo(to));
    }

    @Test
    void everyMappedTypeIsOneDuckDbKnows() {
        Adapter adapter = new DuckDbAdapterFactory().create(TestDuckDbAdapter.target(project, Map.of("type", "duckdb", "path", ":memory:")));
        try (adapter; Session session = adapter.openSession()) {
            for (String type : new String[] {"string", "int64", "float64", "numeric(12,4)", "number", "bignumeric", "timestamp_ntz",
                    "timestamp_ltz", "bytes", "byteint", "array<int>", "map<string,bigint>", "struct<a:int,b:array<string>>"}) {
                assertThat(session.execute("SELECT CAST(NULL AS " + adapter.mapType(type) + ")", true, -1).rows()).as(type).hasSize(1);
            }
        }
    }

    @Test
    void contractTypesMeetDuckDbsSpellings() {
        DuckDbTypeMapping types = DuckDbTypeMapping.INSTANCE;
        assertThat(types.contractMatches("int", "INTEGER")).isTrue();
        assertThat(types.contractMatches("varchar(10)", "VARCHAR")).as("DuckDB has no lengths").isTrue();
        assertThat(types.contractMatches("text", "VARCHAR")).isTrue();
        assertThat(types.contractMatches("decimal", "DECIMAL(18,3)")).as("DuckDB's default precision").isTrue();
        assertThat(types.contractMatches("decimal(10,2)", "DECIMAL(10,2)")).isTrue();
        assertThat(types.contractMatches("decimal(10,2)", "DECIMAL(18,3)")).isFalse();
        assertThat(types.contractMatches("timestamptz", "TIMESTAMP WITH TIME ZONE")).isTrue();
        assertThat(types.contractMatches("timestamp", "TIMESTAMP WITH TIME ZONE")).isFalse();
        assertThat(types.contractMatches("int", "BIGINT")).isFalse();
    }
}
