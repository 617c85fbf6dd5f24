package io.smelt.adapter.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * How an engine module's project tests reach their engine. Each engine module's test sources hold
 * one implementation, named in {@code META-INF/services/io.smelt.adapter.testing.TestEngine}; the
 * suites ({@link BaseProjectTest} and its subclasses, {@link BaseIncrementalPropertyTest}) take the
 * profile and clean-up from it, so an engine's suite class is only {@code class TestXSnapshots
 * extends BaseSnapshotContractTest {}}.
 */
public interface TestEngine {
    /** The engine's name in messages ({@code Trino}). */
    String name();

    /** The profile target fields that reach the engine, building into {@code schema}, with files under {@code workDir}. */
    Map<String, Object> targetFields(Path workDir, String schema);

    /**
     * True when tests share one server: each test then builds into schemas of its own, which
     * {@link #dropSchemas} removes afterwards. False for an engine whose database lives in the
     * test's own folder.
     */
    default boolean sharedServer() {
        return false;
    }

    /** Drops {@code schema} and the schemas derived from it ({@code <schema>_raw}, ...), as far as it can. */
    default void dropSchemas(Path workDir, String schema) {
    }

    /** The one engine on this test class path. */
    static TestEngine current() {
        return Holder.ENGINE;
    }

    /** Loads the engine once. */
    final class Holder {
        private static final TestEngine ENGINE = load();

        private Holder() {
        }

        private static TestEngine load() {
            List<TestEngine> engines = ServiceLoader.load(TestEngine.class).stream().map(ServiceLoader.Provider::get).toList();
            if (engines.size() != 1) {
                throw new IllegalStateException("expected one io.smelt.adapter.testing.TestEngine on the test class path "
                        + "(META-INF/services in the engine module's test resources), found " + engines);
            }
            return engines.get(0);
        }
    }
}
