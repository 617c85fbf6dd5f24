package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseDialectTranslationContractTest;

/** Models written in each dialect, translated for DuckDb: the same rows as on every engine. */
class TestDuckDbDialectTranslation extends BaseDialectTranslationContractTest {
}
