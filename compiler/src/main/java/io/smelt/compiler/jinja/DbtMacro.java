package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A macro as a value: called from templates, stored in variables, returned from other macros. Each
 * call renders the body in a fresh scope under the scope it was defined in (the package's scope for
 * macro files), with its own interpreter, so callers' local variables stay invisible as in Jinja2.
 */
final class DbtMacro implements PyCallable {
    /**
     * Nested macro calls allowed on one thread. Python stops at 1,000 frames, which is about 200 dbt
     * macro calls; deeper than this is a macro that never stops calling itself, reported before the
     * Java stack runs out.
     */
    static final int MAX_DEPTH = 1000;

    private final MacroDef def;
    private final String packageName;
    private final Path file;
    private final Context lexical;
    private final String label;
    private final boolean endsReturn;

    /**
     * @param lexical the scope the body sees; null for macro files, which see their package's scope
     */
    DbtMacro(MacroDef def, String packageName, Path file, Context lexical) {
        this(def, packageName, file, lexical, true);
    }

    /**
     * @param endsReturn whether {@code return(x)} in the body ends this call with x; false for a
     *     {@code {% call %}} block's caller, which in dbt is a plain Jinja macro, so a return in it
     *     ends the dbt macro that called {@code caller()} (a statement returns early, running nothing)
     */
    DbtMacro(MacroDef def, String packageName, Path file, Context lexical, boolean endsReturn) {
        this.endsReturn = endsReturn;
        this.def = def;
        this.packageName = packageName;
        this.file = file;
        this.lexical = lexical;
        this.label = packageName == null ? def.name() : packageName + "." + def.name();
    }

    MacroDef def() {
        return def;
    }

    String packageName() {
        return packageName;
    }

    Path file() {
        return file;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
        JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
        if (!(current instanceof DbtInterpreter outer) || outer.state == null) {
            throw new IllegalStateException("macro " + label + " called outside a render");
        }
        RenderState state = outer.state;
        checkArity(args, kwargs);
        Frames.Frame callerFrame = Frames.current();
        MacroCalls.called(packageName, def.name(), callerFrame != null && callerFrame.macro() == null);
        if (Frames.depth() >= MAX_DEPTH) {
            throw tooDeep();
        }
        Scope scope = new Scope(lexical != null ? lexical : state.packageScope(packageName));
        DbtInterpreter in = outer;
        int callerLine = outer.getLineNumber();
        Context callerScope = outer.swapContext(scope);
        Frames.push(new Frames.Frame(file, label, packageName, in, callerLine));
        try {
            in.setLineNumber(def.line());
            bind(in, scope, args, kwargs);
            StringBuilder out = new StringBuilder();
            for (Node node : def.body()) {
                in.setLineNumber(node.getLineNumber());
                out.append(node.render(in).getValue());
            }
            return out.toString();
        } catch (Signals.Return r) {
            if (!endsReturn) {
                throw r;
            }
            return r.value;
        } catch (StackOverflowError e) {
            throw tooDeep();
        } catch (RuntimeException e) {
            throw Failures.fromThrowable(e);
        } finally {
            outer.swapContext(callerScope);
            Frames.pop();
            outer.setLineNumber(callerLine);
        }
    }

    private Signals.Abort tooDeep() {
        return Failures.abort("maximum recursion depth exceeded in macro '" + def.name()
                + "': does it call itself, directly or through other macros, without end?", null);
    }

    private void bind(DbtInterpreter in, Scope scope, List<Object> args, Map<String, Object> kwargsIn) {
        Map<String, Object> kwargs = new LinkedHashMap<>(kwargsIn);
        List<MacroDef.Param> params = def.params();
        Object caller = kwargs.remove("caller");
        if (caller != null) {
            scope.put("caller", caller);
        }
        for (int i = 0; i < params.size(); i++) {
            MacroDef.Param p = params.get(i);
            Object v;
            if (i < args.size()) {
                if (kwargs.containsKey(p.name())) {
                    throw new PyException("macro '" + def.name() + "' got multiple values for argument '" + p.name() + "'");
                }
                v = args.get(i);
            } else if (kwargs.containsKey(p.name())) {
                v = kwargs.remove(p.name());
            } else if (p.defaultExpr() != null) {
                v = in.resolveELExpression(p.defaultExpr(), def.line());
            } else {
                v = Undefined.withMessage("parameter '" + p.name() + "' was not provided");
            }
            scope.put(p.name(), v);
        }
        if (args.size() > params.size()) {
            scope.put("varargs", PyTuple.copyOf(args.subList(params.size(), args.size())));
        } else {
            scope.put("varargs", PyTuple.EMPTY);
        }
        scope.put("kwargs", kwargs);
    }

    /** Jinja2's argument errors, raised at the call site. */
    private void checkArity(List<Object> args, Map<String, Object> kwargs) {
        List<MacroDef.Param> params = def.params();
        if (args.size() > params.size() && !def.catchVarargs()) {
            throw new PyException("macro '" + def.name() + "' takes not more than " + params.size() + " argument(s)");
        }
        if (!def.catchKwargs()) {
            for (String k : kwargs.keySet()) {
                if (!k.equals("caller") && params.stream().noneMatch(p -> p.name().equals(k))) {
                    throw new PyException("macro '" + def.name() + "' takes no keyword argument '" + k + "'");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "<Macro " + label + ">";
    }
}
