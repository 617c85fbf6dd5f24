package io.smelt.adapter.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMacroResources {
    @Test
    void readsEverySqlFileOfThePackagesMacrosFolderSortedByName() {
        assertThat(MacroResources.folder(TestMacroResources.class)).isEqualTo("io/smelt/adapter/jdbc/macros/");
        assertThat(MacroResources.load(TestMacroResources.class, "adapters.sql", "Test"))
                .containsExactly(
                        java.util.Map.entry("io/smelt/adapter/jdbc/macros/adapters.sql", "{% macro test__a() %}a{% endmacro %}\n"),
                        java.util.Map.entry("io/smelt/adapter/jdbc/macros/b_more.sql", "{% macro test__b() %}b{% endmacro %}\n"));
    }

    @Test
    void aMissingAnchorNamesTheEngineAndFolder() {
        assertThatThrownBy(() -> MacroResources.load(TestMacroResources.class, "missing.sql", "Test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Test macro resources are missing: io/smelt/adapter/jdbc/macros/missing.sql");
    }
}
