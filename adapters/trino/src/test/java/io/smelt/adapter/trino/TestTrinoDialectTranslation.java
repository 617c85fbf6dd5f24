package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseDialectTranslationContractTest;

/** Models written in each dialect, translated for Trino: the same rows as on every engine. */
class TestTrinoDialectTranslation extends BaseDialectTranslationContractTest {
}
