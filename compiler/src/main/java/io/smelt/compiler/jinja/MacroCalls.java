package io.smelt.compiler.jinja;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The macros a render calls, as dbt records a node's {@code depends_on.macros}: the calls made by the
 * template itself, not by the macros it calls (those are each macro's own dependencies).
 */
public final class MacroCalls {
    private static final ThreadLocal<Recorded> CURRENT = new ThreadLocal<>();

    /**
     * @param direct the unique ids of the macros the template called itself, in call order
     * @param all every macro that ran, called by the template or by another macro (what the output
     *        depends on, for a cache of renders)
     */
    public record Recorded(Set<String> direct, Set<String> all) {
    }

    private MacroCalls() {
    }

    /** Runs {@code render} and returns the unique ids of the macros its template called directly, in call order. */
    public static Set<String> recording(Runnable render) {
        return recordingAll(render).direct();
    }

    /** Runs {@code render} and returns the macros its template called, and every macro that ran. */
    public static Recorded recordingAll(Runnable render) {
        Recorded previous = CURRENT.get();
        Recorded calls = new Recorded(new LinkedHashSet<>(), new LinkedHashSet<>());
        CURRENT.set(calls);
        try {
            render.run();
            return calls;
        } finally {
            CURRENT.set(previous);
        }
    }

    /** Called by a macro as it starts; {@code templateLevel} is true when the template being rendered called it. */
    static void called(String packageName, String macroName, boolean templateLevel) {
        Recorded calls = CURRENT.get();
        if (calls != null && packageName != null) {
            String id = "macro." + packageName + "." + macroName;
            calls.all().add(id);
            if (templateLevel) {
                calls.direct().add(id);
            }
        }
    }
}
