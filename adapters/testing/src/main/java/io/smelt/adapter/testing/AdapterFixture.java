package io.smelt.adapter.testing;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;

import java.nio.file.Path;
import java.util.List;

/** What the contract test interfaces need from {@link BaseAdapterTest}: the current test's engine and schema. */
public interface AdapterFixture {
    Adapter adapter();

    /** The test's first session, opened before the test. */
    Session session();

    /** A schema made for this test alone. */
    String schema();

    Path tempDir();

    boolean hasBehavior(AdapterBehavior behavior);

    /** A relation in the test's schema. */
    Relation relation(String identifier);

    long count(Relation relation);

    /** Identifiers of the relations, normalized and lower-cased, in the order given. */
    List<String> names(List<Relation> relations);

    /** Renames a table within its schema; engines that spell it otherwise override this. */
    default String renameSql(Relation from, Relation to) {
        return "ALTER TABLE " + adapter().render(from) + " RENAME TO " + adapter().quote(to.identifier());
    }

    /** Drops a schema of the default database with everything in it. */
    default String dropSchemaSql(String name) {
        String database = adapter().defaultDatabase();
        return "DROP SCHEMA IF EXISTS " + (database == null ? "" : adapter().quote(database) + ".") + adapter().quote(name) + " CASCADE";
    }
}
