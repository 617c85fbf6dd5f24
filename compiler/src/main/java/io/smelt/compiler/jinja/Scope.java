package io.smelt.compiler.jinja;

import com.google.common.collect.SetMultimap;
import com.hubspot.jinjava.interpret.Context;

import java.util.Map;

/**
 * A jinjava context that keeps no resolved-name or dependency bookkeeping. jinjava copies that
 * bookkeeping into every parent scope; with a parent shared by every render that would be an
 * unsynchronised write from many threads, and it is never read here.
 */
class Scope extends Context {
    Scope(Context parent) {
        super(parent);
    }

    Scope(Context parent, Map<String, ?> bindings) {
        super(parent, bindings);
    }

    /** A value this scope provides besides its own variables, or {@link Names#MISSING}. */
    Object lookupExtra(String name) {
        return Names.MISSING;
    }

    @Override
    public Object get(Object key) {
        Object v = getScope().get(key);
        if (v != null) {
            return v;
        }
        if (key instanceof String name) {
            Object extra = lookupExtra(name);
            if (extra != Names.MISSING && extra != null) {
                return extra;
            }
        }
        return getParent() == null ? null : getParent().get(key);
    }

    @Override
    public void addResolvedExpression(String expression) {
    }

    @Override
    public void addResolvedValue(String value) {
    }

    @Override
    public void addResolvedFunction(String function) {
    }

    @Override
    public void addDependency(String type, String identification) {
    }

    @Override
    public void addDependencies(SetMultimap<String, String> dependencies) {
    }
}
