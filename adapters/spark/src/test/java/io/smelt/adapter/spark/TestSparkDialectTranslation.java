package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseDialectTranslationContractTest;

/** Models written in each dialect, translated for Spark: the same rows as on every engine. */
class TestSparkDialectTranslation extends BaseDialectTranslationContractTest {
}
