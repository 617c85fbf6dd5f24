package io.smelt.adapter.testing;

import org.junit.jupiter.api.Assumptions;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one server of a test run (JVM): started on first use, handed out afterwards, and skipped when
 * its {@code -DskipX} flag is set. A start that failed is not tried again: every later test fails at
 * once with the first failure's reason instead of spending minutes on a second attempt.
 */
final class SharedServer<T> {
    private final String name;
    private final String skipProperty;
    private final String skipFlag;
    private final Supplier<T> starter;
    private final Predicate<T> closed;
    private T server;
    private RuntimeException failure;

    SharedServer(String name, String skipProperty, String skipFlag, Supplier<T> starter, Predicate<T> closed) {
        this.name = name;
        this.skipProperty = skipProperty;
        this.skipFlag = skipFlag;
        this.starter = starter;
        this.closed = closed;
    }

    synchronized T get() {
        // Maven passes an unset -DskipX as "" and a bare -DskipX as "true"
        if ("true".equalsIgnoreCase(System.getProperty(skipProperty))) {
            Assumptions.abort(name + " tests are skipped: " + skipFlag + " is set");
        }
        if (failure != null) {
            throw new IllegalStateException("the " + name + " test server failed to start earlier in this run: " + failure.getMessage(), failure);
        }
        if (server == null || closed.test(server)) {
            try {
                server = starter.get();
            }
            catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return server;
    }
}
