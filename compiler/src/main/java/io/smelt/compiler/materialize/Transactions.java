package io.smelt.compiler.materialize;

import io.smelt.adapter.Session;

import java.util.function.Supplier;

/** Runs a node's statements in one transaction where the engine has them, so a failure leaves the previous relation in place. */
public final class Transactions {
    private Transactions() {
    }

    static <T> T run(Session session, boolean transactions, Supplier<T> body) {
        if (!transactions) {
            return body.get();
        }
        session.begin();
        try {
            T result = body.get();
            session.commit();
            return result;
        }
        catch (RuntimeException | Error e) {
            try {
                session.rollback();
            }
            catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
