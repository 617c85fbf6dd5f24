package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseSourceFreshnessContractTest;

/** The source freshness contract on Trino: a {@code timestamp with time zone} keeps its -05:00 offset. */
class TestTrinoSourceFreshness extends BaseSourceFreshnessContractTest {
}
