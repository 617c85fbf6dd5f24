package io.smelt.compiler.jinja;

/**
 * An error raised by template code (undefined names, Python type errors, raise_compiler_error). The
 * renderer turns it into a {@code SmeltException} at the innermost template or macro line.
 */
final class PyException extends RuntimeException {
    PyException(String message) {
        super(message, null, false, false);
    }

    static PyException typeError(String message) {
        return new PyException(message);
    }
}
