package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseIncrementalPropertyTest;
import io.smelt.adapter.testing.ServerSkip;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.List;

/** The incremental property on Trino's Iceberg catalog, with fewer cases than on DuckDB. */
@AddLifecycleHook(ServerSkip.Trino.class)
class TestTrinoIncrementalProperty extends BaseIncrementalPropertyTest {
    @Property(tries = 3)
    void keyedStrategiesAppliedInAnySplitEqualOneFullRefresh(@ForAll("batches") List<List<Event>> batches,
            @ForAll("splits") List<Integer> cuts) {
        checkKeyedStrategies(batches, cuts);
    }
}
