package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseIncrementalPropertyTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The incremental property on DuckDB, with the most cases (each build takes milliseconds). */
class TestIncrementalProperty extends BaseIncrementalPropertyTest {
    @Override
    protected Map<String, Object> targetFields(Path dir, String schema) {
        return Map.of("type", "duckdb", "path", dir.resolve("db_" + schema + ".duckdb").toString(), "schema", schema);
    }

    @Property(tries = 15)
    void keyedStrategiesAppliedInAnySplitEqualOneFullRefresh(@ForAll("batches") List<List<Event>> batches,
            @ForAll("splits") List<Integer> cuts) {
        checkKeyedStrategies(batches, cuts);
    }

    @Property(tries = 10)
    void appendHoldsEachBuildsRowsOnce(@ForAll("batches") List<List<Event>> batches, @ForAll("splits") List<Integer> cuts) {
        checkAppend(batches, cuts);
    }
}
