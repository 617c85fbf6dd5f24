package io.smelt.compiler.jinja;

/** Control flow that unwinds the Java stack: dbt's return(), break and continue. */
final class Signals {
    private Signals() {
    }

    /** dbt's {@code return(value)}: ends the innermost macro call with {@code value}. */
    static final class MacroReturn extends RuntimeException {
        final transient Object value;

        MacroReturn(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /** {@code {% break %}} and {@code {% continue %}}. */
    static final class LoopSignal extends RuntimeException {
        static final LoopSignal BREAK = new LoopSignal();
        static final LoopSignal CONTINUE = new LoopSignal();

        private LoopSignal() {
            super(null, null, false, false);
        }
    }
}
