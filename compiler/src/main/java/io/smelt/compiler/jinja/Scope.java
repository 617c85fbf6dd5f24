package io.smelt.compiler.jinja;

import java.nio.file.Path;
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

/**
 * One template or macro being rendered: which package's macros unqualified names reach, and the file
 * and 1-based line for positions and {@link JinjaEngine#currentLine()}.
 */
final class Frame {
    final Renderer renderer;
    final String pkg;
    final Path file;
    final String macro;
    final Frame caller;
    int line;

    Frame(Renderer renderer, String pkg, Path file, String macro, Frame caller, int line) {
        this.renderer = renderer;
        this.pkg = pkg;
        this.file = file;
        this.macro = macro;
        this.caller = caller;
        this.line = line;
    }
}
