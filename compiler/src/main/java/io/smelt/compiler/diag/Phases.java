package io.smelt.compiler.diag;

import java.io.PrintStream;

/**
 * Where a command's time goes, for finding what to make faster: with {@code -Dsmelt.phases=true}
 * (e.g. {@code SMELT_JAVA_OPTS=-Dsmelt.phases=true smelt parse}) each phase's end is printed to stderr
 * with the milliseconds since the JVM started. Off, it costs one boolean check.
 */
public final class Phases {
    private static final boolean ON = Boolean.getBoolean("smelt.phases");
    private static final long START = ON ? ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli())
            .orElse(System.currentTimeMillis()) : 0;

    private Phases() {
    }

    /** Records that {@code phase} ended now. */
    public static void done(String phase) {
        if (ON) {
            PrintStream err = System.err;
            err.printf("[phase] %6d ms  %s%n", System.currentTimeMillis() - START, phase);
        }
    }
}
