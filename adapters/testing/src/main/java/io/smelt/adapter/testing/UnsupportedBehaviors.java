package io.smelt.adapter.testing;

import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the contract asserts where an engine declares a behavior unsupported, in place of the test
 * of the behavior itself: using it fails with a clear error, as Trino's {@code BaseConnectorTest}
 * asserts when {@code hasBehavior} is false, so an engine that declares too little fails too.
 */
final class UnsupportedBehaviors {
    private UnsupportedBehaviors() {
    }

    /**
     * Without transactions, {@code begin} and {@code commit} refuse and say why, none is ever open,
     * {@code rollback} (cleanup) does nothing, and each statement commits by itself.
     */
    static void assertTransactionsRefused(AdapterFixture fixture) {
        Session session = fixture.session();
        assertThatThrownBy(session::begin).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("transaction");
        assertThat(session.inTransaction()).isFalse();
        assertThatThrownBy(session::commit).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("transaction");
        session.rollback();
        Relation table = fixture.relation("autocommitted");
        session.execute("CREATE TABLE " + fixture.adapter().render(table) + " AS SELECT 1 AS id");
        try (Session other = fixture.adapter().openSession()) {
            assertThat(fixture.names(other.listRelations(fixture.adapter().defaultDatabase(), fixture.schema()))).contains("autocommitted");
        }
    }

    /** The engine refuses the statement with its own message, free of Java names. */
    static void assertEngineRefuses(ThrowingCallable statement) {
        assertThatThrownBy(statement).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("java.", "SQLException"));
    }
}
