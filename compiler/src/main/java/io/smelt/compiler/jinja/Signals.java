package io.smelt.compiler.jinja;

import io.smelt.compiler.diag.SmeltException;

/**
 * Control flow that must cross jinjava's tags and expression resolver, which catch {@link Exception}
 * and keep rendering: these are {@link Error}s so only our own macro, loop and render frames see them.
 */
final class Signals {
    private Signals() {
    }

    /** dbt's {@code return(x)}: ends the innermost macro with the value {@code x}. */
    static final class Return extends Error {
        final transient Object value;

        Return(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /** {@code {% break %}} and {@code {% continue %}}. */
    static final class Loop extends Error {
        static final Loop BREAK = new Loop(true);
        static final Loop CONTINUE = new Loop(false);

        final boolean isBreak;

        private Loop(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    /** A render failure already turned into its final diagnostic; unwinds to the caller of the render. */
    static final class Abort extends Error {
        final SmeltException exception;

        Abort(SmeltException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }
}
