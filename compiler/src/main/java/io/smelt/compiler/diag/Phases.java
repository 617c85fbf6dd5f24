package io.smelt.compiler.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's time goes, for finding what to make faster: with {@code -Dsmelt.phases=true}
 * (e.g. {@code SMELT_JAVA_OPTS=-Dsmelt.phases=true smelt parse}) each phase's end is recorded with the
 * milliseconds since the JVM started, and the command line prints them when it exits. Off, it costs
 * one boolean check.
 */
public final class Phases {
    private static final boolean ON = Boolean.getBoolean("smelt.phases");
    private static final long START = ON ? ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli())
            .orElse(System.currentTimeMillis()) : 0;
    private static final List<String> DONE = new ArrayList<>();

    private Phases() {
    }

    /** Records that {@code phase} ended now. */
    public static void done(String phase) {
        if (ON) {
            synchronized (DONE) {
                DONE.add(String.format("[phase] %6d ms  %s", System.currentTimeMillis() - START, phase));
            }
        }
    }

    /** The phases recorded so far, one line each (none when off). */
    public static List<String> recorded() {
        synchronized (DONE) {
            return List.copyOf(DONE);
        }
    }
}
