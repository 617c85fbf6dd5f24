package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.FlexibleTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;

import java.util.List;
import java.util.Map;

/**
 * {@code {% set x = v %}}, {@code {% set a, b = 1, 2 %}}, {@code {% set ns.attr = v %}} and the block
 * form {@code {% set x %}...{% endset %}} (optionally with filters), assigning in the current scope.
 */
final class SetVarTag extends BlockTag implements FlexibleTag {
    private static final long serialVersionUID = 1L;
    private static final String BLOCK_VALUE = "__smelt_set_block__";

    SetVarTag() {
        super("set");
    }

    @Override
    public boolean hasEndTag(TagToken tagToken) {
        return TagText.indexOfAssign(tagToken.getHelpers()) < 0;
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        int line = tagNode.getLineNumber();
        interpreter.setLineNumber(line);
        String helpers = tagNode.getHelpers();
        int eq = TagText.indexOfAssign(helpers);
        if (eq < 0) {
            List<String> pipe = TagText.split(helpers, '|');
            StringBuilder out = new StringBuilder();
            for (Node node : tagNode.getChildren()) {
                out.append(node.render(interpreter).getValue());
            }
            Object value = out.toString();
            if (pipe.size() > 1) {
                interpreter.getContext().put(BLOCK_VALUE, value);
                value = interpreter.resolveELExpression(BLOCK_VALUE + " | " + String.join(" | ", pipe.subList(1, pipe.size())), line);
                interpreter.getContext().remove(BLOCK_VALUE);
            }
            assign(interpreter, pipe.get(0).trim(), value);
            return "";
        }
        List<String> targets = TagText.split(helpers.substring(0, eq), ',');
        String rhs = helpers.substring(eq + 1).trim();
        if (TagText.split(rhs, ',').size() > 1) {
            rhs = "(" + rhs + ")";
        }
        Object value = interpreter.resolveELExpression(rhs, line);
        if (targets.size() == 1) {
            assign(interpreter, targets.get(0), value);
            return "";
        }
        List<Object> values = PyOps.iterate(value);
        if (values.size() != targets.size()) {
            throw new PyException((values.size() < targets.size() ? "not enough" : "too many")
                    + " values to unpack (expected " + targets.size() + ", got " + values.size() + ")");
        }
        for (int i = 0; i < targets.size(); i++) {
            assign(interpreter, targets.get(i), values.get(i));
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static void assign(JinjavaInterpreter interpreter, String target, Object value) {
        int dot = target.indexOf('.');
        if (dot < 0) {
            if (!TagText.isName(target)) {
                throw new PyException("can't assign to '" + target + "'");
            }
            interpreter.getContext().put(target, value);
            return;
        }
        String owner = target.substring(0, dot).trim();
        String attr = target.substring(dot + 1).trim();
        Object ns = Names.resolve(interpreter.getContext(), owner);
        if (ns instanceof Builtins.Namespace n) {
            n.set(attr, value);
        } else if (ns instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(attr, value);
        } else {
            throw new PyException("cannot assign attribute on non-namespace object");
        }
    }
}
