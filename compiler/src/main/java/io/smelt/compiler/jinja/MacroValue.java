package io.smelt.compiler.jinja;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smelt.compiler.jinja.Signals.MacroReturn;

/**
 * A macro as a value: callable from templates ({@code m()}, {@code pkg.m()}, {@code caller()}) and,
 * as a {@link JinjaFunction}, from Java during a render on the same thread. A call returns the
 * macro's {@code return()} value if it called return, else its rendered output.
 */
final class MacroValue implements PyCallable, JinjaFunction {
    final MacroDef def;
    private final Scope closure;
    final String pkg;
    final Path file;
    private final JinjaEngine engine;

    MacroValue(MacroDef def, Scope closure, String pkg, Path file, JinjaEngine engine) {
        this.def = def;
        this.closure = closure;
        this.pkg = pkg;
        this.file = file;
        this.engine = engine;
    }

    String qualifiedName() {
        return pkg + "." + def.name;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
        Renderer r = Renderer.current();
        if (r == null) {
            return engine.callMacroValue(this, args, kwargs, Map.of());
        }
        return call(r, args, kwargs);
    }

    @Override
    public Object call(Renderer r, List<Object> args, Map<String, Object> kwargs) {
        Frame frame = new Frame(r, pkg, file, closure == null ? qualifiedName() : def.name, r.top, def.line);
        Scope scope = new Scope(frame, closure);
        bind(scope, args, kwargs == null ? Map.of() : kwargs);
        StringBuilder out = new StringBuilder();
        r.enter(frame);
        try {
            Stmt.execAll(def.body, scope, out);
            return out.toString();
        } catch (MacroReturn ret) {
            return ret.value;
        } catch (RuntimeException e) {
            throw r.fail(e);
        } catch (StackOverflowError e) {
            throw r.fail(new PyException("RecursionError: maximum recursion depth exceeded"));
        } finally {
            r.leave(frame);
        }
    }

    private void bind(Scope scope, List<Object> args, Map<String, Object> kwargs) {
        List<String> params = def.params;
        if (args.size() > params.size() && !def.catchVarargs) {
            throw PyException.typeError("macro '" + def.name + "' takes not more than " + params.size()
                    + " argument(s)");
        }
        Map<String, Object> kw = kwargs.isEmpty() ? kwargs : new LinkedHashMap<>(kwargs);
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            Object value;
            if (i < args.size()) {
                if (kw.containsKey(p)) {
                    throw PyException.typeError("macro '" + def.name + "' got multiple values for argument '" + p
                            + "'");
                }
                value = args.get(i);
            } else if (kw.containsKey(p)) {
                value = kw.remove(p);
            } else if (def.defaults.get(i) != null) {
                value = def.defaults.get(i).eval(scope);
            } else {
                value = Undefined.withMessage("parameter '" + p + "' was not provided");
            }
            scope.set(p, value);
        }
        Object caller = kw.isEmpty() ? null : kw.remove("caller");
        if (def.usesCaller) {
            scope.set("caller", caller != null ? caller : Undefined.withMessage("No caller defined"));
        }
        if (def.catchVarargs) {
            scope.set("varargs", args.size() > params.size()
                    ? PyTuple.copyOf(args.subList(params.size(), args.size())) : PyTuple.EMPTY);
        }
        if (def.catchKwargs) {
            scope.set("kwargs", new LinkedHashMap<>(kw));
        } else if (!kw.isEmpty()) {
            throw PyException.typeError("macro '" + def.name + "' takes no keyword argument '"
                    + kw.keySet().iterator().next() + "'");
        }
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    @Override
    public String toString() {
        return "<Macro '" + def.name + "'>";
    }
}
