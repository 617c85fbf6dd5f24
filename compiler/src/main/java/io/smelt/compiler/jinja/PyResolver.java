package io.smelt.compiler.jinja;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * First in jinjava's resolver chain: Python attribute/item access and str/list/dict methods for the
 * places where jinjava itself resolves properties (its filters and property lookups). Our own
 * expression nodes call {@link PyAccess} directly.
 */
final class PyResolver extends ELResolver {
    static ELResolver chain() {
        CompositeELResolver chain = new CompositeELResolver();
        chain.add(new PyResolver());
        chain.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        return chain;
    }

    private static boolean handles(Object base) {
        return base instanceof Map<?, ?> || base instanceof List<?> || base instanceof String
                || base instanceof JinjaObject || base instanceof PyObject || base instanceof Undefined;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (!handles(base) || property == null) {
            return null;
        }
        Object key = property;
        if (base instanceof List<?> && property instanceof String s && s.matches("-?\\d+")) {
            key = Long.parseLong(s);
        }
        Object v = key instanceof String name && !(base instanceof Map<?, ?>) ? PyAccess.getattr(base, name)
                : PyAccess.getitem(base, key);
        context.setPropertyResolved(true);
        return v instanceof Undefined ? null : v;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!handles(base) || !(method instanceof String name)) {
            return null;
        }
        Object f = PyAccess.getattr(base, name);
        if (f instanceof Undefined) {
            return null;
        }
        context.setPropertyResolved(true);
        return Calls.call(f, new java.util.ArrayList<>(List.of(params == null ? new Object[0] : params)),
                new java.util.LinkedHashMap<>());
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}
