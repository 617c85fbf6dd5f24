package io.smelt.compiler.jinja;

import java.util.HashMap;
import java.util.Map;

/** Variables of one block (template, macro call, loop iteration, with); names not found go to the frame. */
final class Scope {
    final Frame frame;
    final Scope parent;
    private Map<String, Object> vars;

    Scope(Frame frame, Scope parent) {
        this.frame = frame;
        this.parent = parent;
    }

    Object lookup(String name) {
        for (Scope sc = this; sc != null; sc = sc.parent) {
            Map<String, Object> v = sc.vars;
            if (v != null) {
                Object value = v.get(name);
                if (value != null || v.containsKey(name)) {
                    return value;
                }
            }
        }
        return frame.renderer.resolve(name, frame.pkg);
    }

    void set(String name, Object value) {
        if (vars == null) {
            vars = new HashMap<>(8);
        }
        vars.put(name, value);
    }

    Scope child() {
        return new Scope(frame, this);
    }
}
