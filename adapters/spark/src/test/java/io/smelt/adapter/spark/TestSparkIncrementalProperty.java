package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseIncrementalPropertyTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;

/** The incremental property on Spark with Delta tables, with fewer cases than on DuckDB. */
class TestSparkIncrementalProperty extends BaseIncrementalPropertyTest {
    @Property(tries = 2)
    void keyedStrategiesAppliedInAnySplitEqualOneFullRefresh(@ForAll("batches") List<List<Event>> batches,
            @ForAll("splits") List<Integer> cuts) {
        checkKeyedStrategies(batches, cuts);
    }
}
