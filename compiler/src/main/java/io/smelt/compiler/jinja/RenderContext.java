package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * dbt's {@code context}: the render's own namespace as a dict. Reading a key finds what the name means
 * where it is read (a local, a macro, a context member); writing one makes a global of this render, seen
 * by every macro it calls afterwards (dbt-unit-testing keeps its cache there with
 * {@code context.update({...})}; packages test {@code context.get(macro_name)} to see if a macro exists).
 */
public final class RenderContext extends AbstractMap<Object, Object> {
    public static final RenderContext INSTANCE = new RenderContext();

    private RenderContext() {
    }

    private static DbtInterpreter current() {
        return JinjavaInterpreter.getCurrent() instanceof DbtInterpreter interpreter && interpreter.state != null ? interpreter : null;
    }

    @Override
    public Object get(Object key) {
        DbtInterpreter interpreter = current();
        return interpreter == null || !(key instanceof String) ? null : interpreter.getContext().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Object put(Object key, Object value) {
        DbtInterpreter interpreter = current();
        if (interpreter == null) {
            throw new IllegalStateException("context is only writable while a template renders");
        }
        return interpreter.state.putGlobal(key instanceof String name ? name : PyStr.str(key), value);
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        DbtInterpreter interpreter = current();
        return interpreter == null ? Set.of() : new LinkedHashMap<Object, Object>(interpreter.state.globals()).entrySet();
    }

    @Override
    public String toString() {
        return "<context>";
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
