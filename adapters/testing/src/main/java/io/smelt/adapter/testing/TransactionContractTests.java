package io.smelt.adapter.testing;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Session#begin()}, {@link Session#commit()} and {@link Session#rollback()} against the
 * engine; where it has no transactions, that they refuse with a clear error and every statement
 * commits by itself.
 */
public interface TransactionContractTests extends AdapterFixture {
    @Test
    default void commitMakesWorkVisibleToOtherSessions() {
        if (!hasBehavior(AdapterBehavior.TRANSACTIONS)) {
            UnsupportedBehaviors.assertTransactionsRefused(this);
            return;
        }
        Session session = session();
        Adapter adapter = adapter();
        Relation table = relation("committed");
        session.begin();
        assertThat(session.inTransaction()).isTrue();
        session.execute("CREATE TABLE " + adapter.render(table) + " AS SELECT 1 AS id");
        try (Session other = adapter.openSession()) {
            assertThat(other.listRelations(adapter.defaultDatabase(), schema())).isEmpty();
            session.commit();
            assertThat(session.inTransaction()).isFalse();
            assertThat(names(other.listRelations(adapter.defaultDatabase(), schema()))).containsExactly("committed");
        }
    }

    @Test
    default void rollbackOfFailedTransactionKeepsEarlierTable() {
        if (!hasBehavior(AdapterBehavior.TRANSACTIONS)) {
            UnsupportedBehaviors.assertTransactionsRefused(this);
            return;
        }
        Session session = session();
        Adapter adapter = adapter();
        Relation kept = relation("kept");
        Relation discarded = relation("discarded");
        session.execute("CREATE TABLE " + adapter.render(kept) + " AS SELECT n AS id FROM (VALUES (1), (2)) AS v(n)");
        session.begin();
        session.execute("INSERT INTO " + adapter.render(kept) + " SELECT 3");
        session.execute("DROP TABLE " + adapter.render(kept));
        session.execute("CREATE TABLE " + adapter.render(discarded) + " AS SELECT 1 AS id");
        assertThatThrownBy(() -> session.execute("SELECT * FROM " + adapter.render(relation("no_such_table"))))
                .isInstanceOf(EngineException.class);
        session.rollback();
        assertThat(session.inTransaction()).isFalse();
        assertThat(count(kept)).isEqualTo(2);
        assertThat(names(session.listRelations(adapter.defaultDatabase(), schema()))).containsExactly("kept");
        session.rollback();
    }

    @Test
    default void commitAfterAFailedStatementDoesNotPretendToSucceed() {
        if (!hasBehavior(AdapterBehavior.TRANSACTIONS)) {
            UnsupportedBehaviors.assertTransactionsRefused(this);
            return;
        }
        Session session = session();
        Adapter adapter = adapter();
        Relation table = relation("half_done");
        session.execute("CREATE TABLE " + adapter.render(table) + " AS SELECT 1 AS id");
        session.begin();
        session.execute("INSERT INTO " + adapter.render(table) + " SELECT 2");
        assertThatThrownBy(() -> session.execute("SELECT * FROM " + adapter.render(relation("no_such_table"))))
                .isInstanceOf(EngineException.class);
        assertThatThrownBy(session::commit).isInstanceOf(EngineException.class);
        assertThat(session.inTransaction()).isFalse();
        assertThat(count(table)).isEqualTo(1);
    }
}
