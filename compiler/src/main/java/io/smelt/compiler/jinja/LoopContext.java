package io.smelt.compiler.jinja;

import java.util.List;
import java.util.Map;

/** Jinja2's {@code loop} variable. */
final class LoopContext implements PyObject, PyCallable {
    private final List<Object> items;
    private final int depth;
    private final Stmt.For recursiveLoop;
    private final Scope scope;
    int index0;
    private Object lastChanged = new Object();

    LoopContext(List<Object> items, int depth, Stmt.For recursiveLoop, Scope scope) {
        this.items = items;
        this.depth = depth;
        this.recursiveLoop = recursiveLoop;
        this.scope = scope;
    }

    @Override
    public Object getAttr(String name) {
        int n = items.size();
        return switch (name) {
            case "index" -> (long) index0 + 1;
            case "index0" -> (long) index0;
            case "revindex" -> (long) (n - index0);
            case "revindex0" -> (long) (n - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == n - 1;
            case "length" -> (long) n;
            case "depth" -> (long) depth;
            case "depth0" -> (long) depth - 1;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1)
                    : Undefined.withMessage("there is no previous item");
            case "nextitem" -> index0 < n - 1 ? items.get(index0 + 1)
                    : Undefined.withMessage("there is no next item");
            case "cycle" -> (PyCallable) (r, args, kw) -> {
                if (args.isEmpty()) {
                    throw new PyException("TypeError: no items for cycling given");
                }
                return args.get(index0 % args.size());
            };
            case "changed" -> (PyCallable) (r, args, kw) -> {
                Object now = List.copyOf(args.stream().map(a -> a == null ? "\0None" : a).toList());
                if (!PyOps.eq(now, lastChanged)) {
                    lastChanged = now;
                    return true;
                }
                return false;
            };
            default -> Undefined.attribute(this, name);
        };
    }

    @Override
    public Object call(Renderer renderer, List<Object> args, Map<String, Object> kwargs) {
        if (recursiveLoop == null) {
            throw PyException.typeError("'LoopContext' object is not callable");
        }
        StringBuilder out = new StringBuilder();
        recursiveLoop.run(scope, PySeq.iterate(args.get(0)), depth + 1, out);
        return out.toString();
    }

    @Override
    public String typeName() {
        return "LoopContext";
    }

    @Override
    public String toString() {
        return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
    }
}
