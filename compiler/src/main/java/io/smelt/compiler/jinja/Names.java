package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.Context;

import java.util.Map;

/** Name lookup through the scope chain that tells None (a null value) from a name that is not there. */
final class Names {
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private Names() {
    }

    /** The value, possibly null (None), or {@link #MISSING}. */
    static Object lookup(Context context, String name) {
        for (Context c = context; c != null; c = c.getParent()) {
            Map<String, Object> scope = c.getScope();
            Object v = scope.get(name);
            if (v != null || scope.containsKey(name)) {
                return v;
            }
            if (c instanceof Scope s) {
                Object extra = s.lookupExtra(name);
                if (extra != MISSING) {
                    return extra;
                }
            }
        }
        return MISSING;
    }

    /** The value, or an {@link Undefined} naming it. */
    static Object resolve(Context context, String name) {
        Object v = lookup(context, name);
        return v == MISSING ? Undefined.name(name) : v;
    }
}
