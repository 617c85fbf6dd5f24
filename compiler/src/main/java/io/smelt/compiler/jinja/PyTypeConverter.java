package io.smelt.compiler.jinja;

import com.hubspot.jinjava.el.TruthyTypeConverter;

/** Coercions jinjava applies when it needs a boolean or a string: Python truthiness and printing. */
final class PyTypeConverter extends TruthyTypeConverter {
    private static final long serialVersionUID = 1L;

    @Override
    protected Boolean coerceToBoolean(Object value) {
        return PyOps.truthy(value);
    }

    @Override
    protected String coerceToString(Object value) {
        return value instanceof String s ? s : value instanceof Undefined ? "" : PyStr.str(value);
    }
}
