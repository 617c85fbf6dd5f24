package io.smelt.compiler.jinja;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;

/**
 * The state of one render: its globals and the stack of templates and macros being rendered. One per
 * {@code render}/{@code callMacro} call and thread; reachable through {@link #current()} so that
 * Java functions can ask for the current position.
 */
final class Renderer {
    private static final ThreadLocal<Renderer> CURRENT = new ThreadLocal<>();
    private static final int MAX_DEPTH = 400;

    final JinjaEngine engine;
    private final Map<String, Object> globals;
    private Renderer previous;
    Frame top;
    private int depth;

    Renderer(JinjaEngine engine, Map<String, Object> globals) {
        this.engine = engine;
        this.globals = globals == null ? Map.of() : globals;
    }

    static Renderer current() {
        return CURRENT.get();
    }

    /** Makes this the thread's current render; pair with {@link #deactivate()}. */
    void activate() {
        previous = CURRENT.get();
        CURRENT.set(this);
    }

    void deactivate() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    void enter(Frame frame) {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new PyException("RecursionError: maximum recursion depth exceeded while calling macro "
                    + frame.macro);
        }
        top = frame;
    }

    void leave(Frame frame) {
        depth--;
        top = frame.caller;
    }

    Object resolve(String name, String pkg) {
        Object v = engine.registry().lookup(pkg, name);
        if (v != null) {
            return v;
        }
        v = globals.get(name);
        if (v != null || globals.containsKey(name)) {
            return v;
        }
        v = Builtins.GLOBALS.get(name);
        return v != null ? v : Undefined.name(name);
    }

    Object call(Object fn, List<Object> args, Map<String, Object> kwargs) {
        if (fn instanceof PyCallable c) {
            return c.call(this, args, kwargs);
        }
        if (fn instanceof JinjaFunction f) {
            return callJava(f, args, kwargs);
        }
        if (fn instanceof Undefined u) {
            throw u.error();
        }
        throw PyException.typeError("'" + PyOps.typeName(fn) + "' object is not callable");
    }

    private Object callJava(JinjaFunction f, List<Object> args, Map<String, Object> kwargs) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Undefined) {
                args.set(i, null);
            }
        }
        kwargs.replaceAll((k, v) -> v instanceof Undefined ? null : v);
        try {
            Object result = f.call(args, kwargs);
            return result instanceof Object[] array ? new java.util.ArrayList<>(List.of(array)) : result;
        } catch (SmeltException | Signals.MacroReturn | Signals.LoopSignal | PyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw wrap(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** The thread's innermost template or macro line, for errors and {@code currentLine()}. */
    SourcePosition position() {
        return top == null ? null : SourcePosition.of(top.file, top.line);
    }

    /** {@code in macro pkg.m (file:line), called from file:line}; null when no macro is involved. */
    String stackHint() {
        if (top == null || top.caller == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Frame f = top; f != null; f = f.caller) {
            b.append(f == top ? "in " : ", called from ");
            if (f.macro != null) {
                b.append("macro ").append(f.macro).append(" (").append(SourcePosition.of(f.file, f.line)).append(')');
            } else {
                b.append(SourcePosition.of(f.file, f.line));
            }
        }
        return b.toString();
    }

    SmeltException wrap(String message, Throwable cause) {
        return new SmeltException(List.of(new Diagnostic(ErrorKind.JINJA, position(), message, stackHint())), cause);
    }

    /** Turns anything thrown inside a frame into a positioned SmeltException (once, at the innermost frame). */
    RuntimeException fail(RuntimeException e) {
        if (e instanceof SmeltException se) {
            if (se.first().at() != null) {
                return se;
            }
            return wrap(se.first().message(), se);
        }
        if (e instanceof Signals.MacroReturn || e instanceof Signals.LoopSignal) {
            return e;
        }
        if (e instanceof PyException) {
            return wrap(e.getMessage(), null);
        }
        return wrap("internal error: " + e, e);
    }

    static Path currentFile() {
        Renderer r = CURRENT.get();
        return r == null || r.top == null ? null : r.top.file;
    }

    static int currentLine() {
        Renderer r = CURRENT.get();
        return r == null || r.top == null ? 0 : r.top.line;
    }
}
