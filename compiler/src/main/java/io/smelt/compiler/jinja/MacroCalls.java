package io.smelt.compiler.jinja;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The macros a render calls, as dbt records a node's {@code depends_on.macros}: the calls made by the
 * template itself, not by the macros it calls (those are each macro's own dependencies).
 */
public final class MacroCalls {
    private static final ThreadLocal<Set<String>> DIRECT = new ThreadLocal<>();

    private MacroCalls() {
    }

    /** Runs {@code render} and returns the unique ids of the macros its template called directly, in call order. */
    public static Set<String> recording(Runnable render) {
        Set<String> previous = DIRECT.get();
        Set<String> calls = new LinkedHashSet<>();
        DIRECT.set(calls);
        try {
            render.run();
            return calls;
        } finally {
            DIRECT.set(previous);
        }
    }

    /** Called by a macro as it starts; {@code templateLevel} is true when the template being rendered called it. */
    static void called(String packageName, String macroName, boolean templateLevel) {
        Set<String> calls = DIRECT.get();
        if (calls != null && templateLevel && packageName != null) {
            calls.add("macro." + packageName + "." + macroName);
        }
    }
}
