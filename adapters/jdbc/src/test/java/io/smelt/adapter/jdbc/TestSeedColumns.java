package io.smelt.adapter.jdbc;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.jdbc.SeedColumns.SeedColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSeedColumns {
    @TempDir
    Path dir;

    @Test
    void columnTypesWinOverInferenceAndGoThroughTheEngine() throws IOException {
        Path csv = Files.writeString(dir.resolve("s.csv"), "id;Amount;First Name\n1;2.5;Ada\n");
        SeedFile seed = new SeedFile(csv, ";", Map.of("amount", "numeric(10,2)", "missing", "int"), true);
        List<SeedColumn> columns = SeedColumns.of(seed, kind -> kind.name().toLowerCase(java.util.Locale.ROOT), type -> "mapped " + type);
        assertThat(columns).containsExactly(new SeedColumn("id", "integer"), new SeedColumn("Amount", "mapped numeric(10,2)"),
                new SeedColumn("First Name", "string"));
        assertThat(SeedColumns.definitions(columns, seed, name -> "`" + name + "`"))
                .isEqualTo("`id` integer, `Amount` mapped numeric(10,2), `First Name` string");
        SeedFile unquoted = new SeedFile(csv, ";", Map.of(), false);
        assertThat(SeedColumns.definitions(columns, unquoted, name -> "`" + name + "`"))
                .isEqualTo("id integer, Amount mapped numeric(10,2), First Name string");
    }

    @Test
    void theDelimiterIsOneCharacter() {
        assertThatThrownBy(() -> SeedColumns.delimiter(new SeedFile(dir.resolve("x.csv"), "||", Map.of(), true)))
                .isInstanceOf(AdapterConfigException.class).hasMessage("seed option 'delimiter' must be one character, got '||'");
        assertThat(SeedColumns.delimiter(new SeedFile(dir.resolve("x.csv"), "\t", Map.of(), true))).isEqualTo('\t');
    }
}
