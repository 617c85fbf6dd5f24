package io.smelt.compiler.parse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestConfigCallText {
    @Test
    void literalsAreValuesOtherExpressionsTheirText() {
        Map<String, Object> config = ConfigCallText.of("""
                {{ config(materialized='table', tags=['a', "b"], enabled=True, batch=10,
                          schema=env_var('SCHEMA'), alias='x' if target.name == 'prod' else 'y',
                          meta={'owner': 'me'}, unique_key=none) }}
                select 1
                """);
        assertThat(config).containsEntry("materialized", "table")
                .containsEntry("tags", List.of("a", "b"))
                .containsEntry("enabled", true)
                .containsEntry("batch", 10)
                .containsEntry("schema", "env_var('SCHEMA')")
                .containsEntry("alias", "'x' if target.name == 'prod' else 'y'")
                .containsEntry("meta", Map.of("owner", "me"))
                .containsEntry("unique_key", null);
    }

    @Test
    void onlyCallsInsideJinja() {
        assertThat(ConfigCallText.of("select config(x=1) from t")).isEmpty();
        assertThat(ConfigCallText.of("{% do config(materialized='view') %}{{ model.config(x=1) }}"))
                .containsExactly(Map.entry("materialized", "view"));
    }
}
