package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseIncrementalPropertyTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The incremental property on Trino's Iceberg catalog, with fewer cases than on DuckDB. */
class TestTrinoIncrementalProperty extends BaseIncrementalPropertyTest {
    @Override
    protected Map<String, Object> targetFields(Path dir, String schema) {
        return TestTrinoProjects.fields(schema);
    }

    @Override
    protected void dropSchema(Path dir, String schema) {
        TestTrinoProjects.dropSchemasLike(dir, schema);
    }

    @Property(tries = 3)
    void keyedStrategiesAppliedInAnySplitEqualOneFullRefresh(@ForAll("batches") List<List<Event>> batches,
            @ForAll("splits") List<Integer> cuts) {
        checkKeyedStrategies(batches, cuts);
    }
}
