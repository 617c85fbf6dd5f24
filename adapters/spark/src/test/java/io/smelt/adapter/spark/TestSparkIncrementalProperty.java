package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseIncrementalPropertyTest;
import io.smelt.adapter.testing.ServerSkip;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.List;

/** The incremental property on Spark with Delta tables, with fewer cases than on DuckDB. */
@AddLifecycleHook(ServerSkip.Spark.class)
class TestSparkIncrementalProperty extends BaseIncrementalPropertyTest {
    @Property(tries = 2)
    void keyedStrategiesAppliedInAnySplitEqualOneFullRefresh(@ForAll("batches") List<List<Event>> batches,
            @ForAll("splits") List<Integer> cuts) {
        checkKeyedStrategies(batches, cuts);
    }
}
