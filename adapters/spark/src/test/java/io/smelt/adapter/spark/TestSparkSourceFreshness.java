package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseSourceFreshnessContractTest;

/** The source freshness contract on Spark, whose {@code timestamp} is an instant: casting text with an offset applies it. */
class TestSparkSourceFreshness extends BaseSourceFreshnessContractTest {
    @Override
    protected String zonedTimestampType() {
        return "timestamp";
    }
}
