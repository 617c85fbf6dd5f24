package io.smelt.adapter.testing;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A {@link TestEngine} whose tests share one server, so each builds into schemas of its own and
 * drops them afterwards: the engine lists them with one query and drops each with {@code DROP
 * SCHEMA ... CASCADE}.
 */
public abstract class SharedServerTestEngine implements TestEngine {
    private final String name;
    private final boolean bestEffortDrop;

    /**
     * @param bestEffortDrop true when a failed drop is ignored (the server's data goes with it), false
     *     when it fails the test, which then shows what the engine could not drop
     */
    protected SharedServerTestEngine(String name, boolean bestEffortDrop) {
        this.name = requireNonNull(name, "name is null");
        this.bestEffortDrop = bestEffortDrop;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean sharedServer() {
        return true;
    }

    /** A new adapter on the shared server, building into {@code schema}. */
    protected abstract Adapter adapter(Path workDir, String schema);

    /** A query whose first column lists {@code schema} and the schemas derived from it ({@code <schema>_raw}, ...). */
    protected abstract String schemasQuery(String schema);

    /** The statement that drops one schema with everything in it. */
    protected String dropSchemaSql(Adapter adapter, String schema) {
        return "DROP SCHEMA IF EXISTS " + adapter.quote(schema) + " CASCADE";
    }

    @Override
    public final void dropSchemas(Path workDir, String schema) {
        try (Adapter adapter = adapter(workDir, schema); Session session = adapter.openSession()) {
            for (List<Object> row : session.execute(schemasQuery(schema), true, -1).rows()) {
                session.execute(dropSchemaSql(adapter, row.get(0).toString()));
            }
        }
        catch (RuntimeException e) {
            if (!bestEffortDrop) {
                throw e;
            }
        }
    }
}
