package io.smelt.compiler.jinja;

/** An engine-internal value with attributes (namespace, loop, modules, regex matches, datetimes). */
interface PyObject {
    /** The attribute, or an {@link Undefined} when there is none. */
    Object getAttr(String name);

    default String typeName() {
        return getClass().getSimpleName();
    }
}
