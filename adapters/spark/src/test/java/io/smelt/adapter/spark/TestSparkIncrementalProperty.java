package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseIncrementalPropertyTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The incremental property on Spark with Delta tables, with fewer cases than on DuckDB. */
class TestSparkIncrementalProperty extends BaseIncrementalPropertyTest {
    @Override
    protected Map<String, Object> targetFields(Path dir, String schema) {
        return TestSparkProjects.projectFields(schema);
    }

    @Override
    protected void dropSchema(Path dir, String schema) {
        TestSparkProjects.dropSchemasLike(dir, schema);
    }

    @Property(tries = 2)
    void keyedStrategiesAppliedInAnySplitEqualOneFullRefresh(@ForAll("batches") List<List<Event>> batches,
            @ForAll("splits") List<Integer> cuts) {
        checkKeyedStrategies(batches, cuts);
    }
}
