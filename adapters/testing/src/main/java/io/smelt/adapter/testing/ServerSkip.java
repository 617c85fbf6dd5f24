package io.smelt.adapter.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * jqwik's way of skipping a property whose engine's tests are turned off ({@code -DskipTrino},
 * {@code -DskipSpark}): an aborted try counts as a rejected one there, and a property whose every
 * try is rejected fails ("exhausted"), where JUnit's tests report skipped. Use as
 * {@code @AddLifecycleHook(ServerSkip.Trino.class)}.
 */
public abstract class ServerSkip implements SkipExecutionHook {
    private final String property;
    private final String flag;

    ServerSkip(String property, String flag) {
        this.property = property;
        this.flag = flag;
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        // Maven passes an unset -DskipX as "" and a bare -DskipX as "true", as SharedServer reads it
        return "true".equalsIgnoreCase(System.getProperty(property))
                ? SkipResult.skip(flag + " is set") : SkipResult.doNotSkip();
    }

    /** Skips when {@code -DskipTrino} is set. */
    public static final class Trino extends ServerSkip {
        public Trino() {
            super(TestingTrinoServer.SKIP_PROPERTY, "-DskipTrino");
        }
    }

    /** Skips when {@code -DskipSpark} is set. */
    public static final class Spark extends ServerSkip {
        public Spark() {
            super(TestingSparkThriftServer.SKIP_PROPERTY, "-DskipSpark");
        }
    }
}
