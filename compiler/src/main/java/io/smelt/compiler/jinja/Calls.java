package io.smelt.compiler.jinja;

import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import com.hubspot.jinjava.el.ext.NamedParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls a template value with Python-style arguments. */
final class Calls {
    private Calls() {
    }

    static Object call(Object f, List<Object> args, Map<String, Object> kwargs) {
        if (f instanceof PyCallable c) {
            return c.call(args, kwargs);
        }
        if (f instanceof JinjaFunction jf) {
            return callJava(jf, args, kwargs);
        }
        if (f instanceof AbstractCallableMethod m) {
            List<Object> all = new ArrayList<>(args);
            kwargs.forEach((k, v) -> all.add(new NamedParameter(k, v)));
            return m.evaluate(all.toArray());
        }
        if (f instanceof Undefined u) {
            throw u.error();
        }
        throw new PyException("'" + PyOps.typeName(f) + "' object is not callable");
    }

    private static Object callJava(JinjaFunction f, List<Object> args, Map<String, Object> kwargs) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Undefined) {
                args.set(i, null);
            }
        }
        kwargs.replaceAll((k, v) -> v instanceof Undefined ? null : v);
        try {
            return fromJava(f.call(args, kwargs));
        } catch (RuntimeException e) {
            throw Failures.fromFunction(e);
        }
    }

    /** Java numbers narrower than long become Python ints; arrays become lists. */
    static Object fromJava(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Object[] arr) {
            return new ArrayList<>(List.of(arr));
        }
        return v;
    }
}
