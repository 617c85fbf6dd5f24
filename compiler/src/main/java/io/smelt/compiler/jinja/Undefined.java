package io.smelt.compiler.jinja;

/**
 * Jinja2's default {@code Undefined}: prints as nothing, is falsy, iterates as empty, and fails with
 * "'x' is undefined" when an attribute is read from it or it is called.
 */
final class Undefined {
    private final String message;

    private Undefined(String message) {
        this.message = message;
    }

    static Undefined name(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    static Undefined attribute(Object obj, Object key) {
        String owner = obj == null ? "'None'" : "'" + PyOps.typeName(obj) + " object'";
        return new Undefined(key instanceof String
                ? owner + " has no attribute " + PyStr.repr(key)
                : owner + " has no element " + PyStr.repr(key));
    }

    static Undefined withMessage(String message) {
        return new Undefined(message);
    }

    String message() {
        return message;
    }

    PyException error() {
        return new PyException(message);
    }

    @Override
    public String toString() {
        return "";
    }
}
