package io.smelt.adapter.trino;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTrinoTypeMapping {
    @Test
    void dbtNamesBecomeTrinoTypes() {
        assertThat(TrinoTypeMapping.map("string")).isEqualTo("varchar");
        assertThat(TrinoTypeMapping.map("TEXT")).isEqualTo("varchar");
        assertThat(TrinoTypeMapping.map("varchar(20)")).isEqualTo("varchar(20)");
        assertThat(TrinoTypeMapping.map("int")).isEqualTo("integer");
        assertThat(TrinoTypeMapping.map("int(11)")).isEqualTo("integer");
        assertThat(TrinoTypeMapping.map("int64")).isEqualTo("bigint");
        assertThat(TrinoTypeMapping.map("float")).isEqualTo("double");
        assertThat(TrinoTypeMapping.map("float4")).isEqualTo("real");
        assertThat(TrinoTypeMapping.map("numeric(10, 2)")).isEqualTo("decimal(10,2)");
        assertThat(TrinoTypeMapping.map("number")).isEqualTo("decimal(38,0)");
        assertThat(TrinoTypeMapping.map("timestamp")).isEqualTo("timestamp(6)");
        assertThat(TrinoTypeMapping.map("timestamp(3)")).isEqualTo("timestamp(3)");
        assertThat(TrinoTypeMapping.map("timestamp_ntz")).isEqualTo("timestamp(6)");
        assertThat(TrinoTypeMapping.map("timestamptz")).isEqualTo("timestamp(6) with time zone");
        assertThat(TrinoTypeMapping.map("timestamp(3) with time zone")).isEqualTo("timestamp(3) with time zone");
        assertThat(TrinoTypeMapping.map("timestamp(3) without time zone")).isEqualTo("timestamp(3)");
        assertThat(TrinoTypeMapping.map("bool")).isEqualTo("boolean");
        assertThat(TrinoTypeMapping.map("bytes")).isEqualTo("varbinary");
        assertThat(TrinoTypeMapping.map("array<int>")).isEqualTo("array(integer)");
        assertThat(TrinoTypeMapping.map("int[]")).isEqualTo("array(integer)");
        assertThat(TrinoTypeMapping.map("map<string, array<double>>")).isEqualTo("map(varchar, array(double))");
        assertThat(TrinoTypeMapping.map("struct<a:int, b string>")).isEqualTo("row(a integer, b varchar)");
    }

    @Test
    void unknownNamesPassThrough() {
        assertThat(TrinoTypeMapping.map("ipaddress")).isEqualTo("ipaddress");
        assertThat(TrinoTypeMapping.map("row(a integer)")).isEqualTo("row(a integer)");
    }

    @Test
    void mappingIsIdempotent() {
        for (String type : new String[] {"string", "decimal(10,2)", "timestamp", "timestamptz", "array<int>", "float"}) {
            String once = TrinoTypeMapping.map(type);
            assertThat(TrinoTypeMapping.map(once)).as(type).isEqualTo(once);
        }
    }

    @Test
    void contractTypesMeetTheReturnedOnesByNameAndArguments() {
        TrinoTypeMapping types = TrinoTypeMapping.INSTANCE;
        assertThat(types.contractMatches("int", "integer")).isTrue();
        assertThat(types.contractMatches("string", "varchar(3)")).as("a bare varchar takes any length").isTrue();
        assertThat(types.contractMatches("varchar(10)", "varchar(3)")).isTrue();
        assertThat(types.contractMatches("varchar(2)", "varchar(3)")).isFalse();
        assertThat(types.contractMatches("varchar(10)", "varchar")).as("an unbounded text may not fit").isFalse();
        assertThat(types.contractMatches("timestamp", "timestamp(3)")).isTrue();
        assertThat(types.contractMatches("timestamp with time zone", "timestamp(3)")).isFalse();
        assertThat(types.contractMatches("timestamptz", "timestamp(3) with time zone")).isTrue();
        assertThat(types.contractMatches("decimal(10,2)", "decimal(10,2)")).isTrue();
        assertThat(types.contractMatches("numeric(10, 2)", "decimal(12,2)")).isFalse();
        assertThat(types.contractMatches("decimal", "decimal(38,0)")).as("Trino's default precision").isTrue();
        assertThat(types.contractMatches("decimal", "decimal(10,2)")).isFalse();
        assertThat(types.contractMatches("int", "bigint")).isFalse();
        assertThat(types.contractMatches("array<int>", "array(integer)")).isTrue();
    }
}
