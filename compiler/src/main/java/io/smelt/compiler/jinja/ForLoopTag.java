package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code for}: iterates dict keys, unpacks {@code k, v}, filters with {@code if}, renders
 * {@code else} only when nothing was iterated, and supports {@code break}/{@code continue} and
 * {@code loop.*}. The loop has its own scope, so {@code set} inside it does not leak out.
 */
final class ForLoopTag extends BlockTag {
    private static final long serialVersionUID = 1L;

    /** The parsed tag text. */
    record Parts(List<String> targets, String iterable, String condition) {
        static Parts of(String helpers) {
            int in = TagText.indexOfWord(helpers, "in", 0);
            if (in < 0) {
                throw new PyException("expected 'in' in for tag");
            }
            List<String> targets = TagText.split(helpers.substring(0, in), ',');
            for (String t : targets) {
                if (!TagText.isName(t)) {
                    throw new PyException("can't assign to '" + t + "' in a for loop");
                }
            }
            String rest = helpers.substring(in + 2);
            int rec = TagText.indexOfWord(rest, "recursive", 0);
            if (rec >= 0 && rest.substring(rec + "recursive".length()).isBlank()) {
                rest = rest.substring(0, rec);
            }
            int cond = TagText.indexOfWord(rest, "if", 0);
            // an inline "x if y else z" iterable keeps its "if"
            if (cond >= 0 && TagText.indexOfWord(rest, "else", cond) >= 0) {
                cond = -1;
            }
            return new Parts(List.copyOf(targets), (cond < 0 ? rest : rest.substring(0, cond)).trim(),
                    cond < 0 ? null : rest.substring(cond + 2).trim());
        }
    }

    ForLoopTag() {
        super("for");
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        int line = tagNode.getLineNumber();
        interpreter.setLineNumber(line);
        Parts parts = Parts.of(TagText.helpers(tagNode));
        List<Object> items = PyOps.iterate(interpreter.resolveELExpression(parts.iterable(), line));
        List<Node> body = new ArrayList<>();
        List<Node> orElse = new ArrayList<>();
        List<Node> target = body;
        for (Node child : tagNode.getChildren()) {
            if (target == body && child instanceof TagNode t && t.getName().equals("else")) {
                target = orElse;
            } else {
                target.add(child);
            }
        }
        StringBuilder out = new StringBuilder();
        try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            if (parts.condition() != null) {
                List<Object> kept = new ArrayList<>();
                for (Object item : items) {
                    assign(interpreter, parts.targets(), item);
                    if (PyOps.truthy(interpreter.resolveELExpression(parts.condition(), line))) {
                        kept.add(item);
                    }
                }
                items = kept;
            }
            LoopInfo loop = new LoopInfo(items);
            for (int i = 0; i < items.size(); i++) {
                loop.index0 = i;
                // as Jinja2, each pass starts from the names outside the loop: a {% set %} in the body
                // lasts until the pass ends ({% set xs = xs.append(x) %} appends to the outer list each time)
                try (JinjavaInterpreter.InterpreterScopeClosable pass = interpreter.enterScope()) {
                    assign(interpreter, parts.targets(), items.get(i));
                    interpreter.getContext().put("loop", loop);
                    for (Node node : body) {
                        out.append(node.render(interpreter).getValue());
                    }
                } catch (Signals.Loop signal) {
                    if (signal.isBreak) {
                        break;
                    }
                }
            }
        }
        if (items.isEmpty()) {
            for (Node node : orElse) {
                out.append(node.render(interpreter).getValue());
            }
        }
        return out.toString();
    }

    static void assign(JinjavaInterpreter interpreter, List<String> targets, Object item) {
        if (targets.size() == 1) {
            interpreter.getContext().put(targets.get(0), item);
            return;
        }
        List<Object> values = item instanceof Map.Entry<?, ?> e ? List.of(e.getKey(), e.getValue()) : PyOps.iterate(item);
        if (values.size() != targets.size()) {
            throw new PyException((values.size() < targets.size() ? "not enough" : "too many")
                    + " values to unpack (expected " + targets.size() + ", got " + values.size() + ")");
        }
        for (int i = 0; i < targets.size(); i++) {
            interpreter.getContext().put(targets.get(i), values.get(i));
        }
    }

    /** Jinja2's {@code loop} variable. */
    static final class LoopInfo implements PyObject {
        private final List<Object> items;
        int index0;
        private Object lastChanged = Names.MISSING;

        LoopInfo(List<Object> items) {
            this.items = items;
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
                case "depth" -> 1L;
                case "depth0" -> 0L;
                case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.withMessage("there is no previous item");
                case "nextitem" -> index0 < n - 1 ? items.get(index0 + 1) : Undefined.withMessage("there is no next item");
                case "cycle" -> (PyCallable) (a, k) -> a.isEmpty() ? Undefined.withMessage("no items for cycling given")
                        : a.get(index0 % a.size());
                case "changed" -> (PyCallable) (a, k) -> {
                    Object key = new ArrayList<>(a);
                    boolean changed = !key.equals(lastChanged);
                    lastChanged = key;
                    return changed;
                };
                default -> Undefined.attribute(this, name);
            };
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
}
