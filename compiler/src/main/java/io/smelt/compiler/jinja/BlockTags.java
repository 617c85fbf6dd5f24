package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

import java.util.List;

/** Smaller tags: {@code if} with Python truthiness, {@code break}, {@code continue}, {@code filter}, {@code with}, dbt's blocks. */
final class BlockTags {
    private BlockTags() {
    }

    static String renderChildren(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder out = new StringBuilder();
        for (Node node : tagNode.getChildren()) {
            out.append(node.render(interpreter).getValue());
        }
        return out.toString();
    }

    /** {@code if}/{@code elif} deciding with Python truthiness ({@code 'false'} is true, {@code []} false). */
    static final class If extends IfTag {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isPositiveIfElseNode(TagNode tagNode, JinjavaInterpreter interpreter) {
            interpreter.setLineNumber(tagNode.getLineNumber());
            return PyOps.truthy(interpreter.resolveELExpression(TagText.helpers(tagNode), tagNode.getLineNumber(),
                    tagNode.getStartPosition()));
        }
    }

    /** {@code break} and {@code continue}. */
    static final class LoopControl implements Tag {
        private static final long serialVersionUID = 1L;
        private final String name;

        LoopControl(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getEndTagName() {
            return null;
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            throw name.equals("break") ? Signals.Loop.BREAK : Signals.Loop.CONTINUE;
        }
    }

    /** {@code {% filter upper %}...{% endfilter %}}. */
    static final class Filter extends BlockTag {
        private static final long serialVersionUID = 1L;
        private static final String VALUE = "__smelt_filter_block__";

        Filter() {
            super("filter");
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            String body = renderChildren(tagNode, interpreter);
            try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
                interpreter.getContext().put(VALUE, body);
                return interpreter.getAsString(interpreter.resolveELExpression(
                        VALUE + " | " + TagText.helpers(tagNode), tagNode.getLineNumber()));
            }
        }
    }

    /** {@code {% with a = 1, b = 2 %}...{% endwith %}} in its own scope. */
    static final class With extends BlockTag {
        private static final long serialVersionUID = 1L;

        With() {
            super("with");
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            String helpers = TagText.helpers(tagNode);
            List<String> assignments = helpers.isBlank() ? List.of() : TagText.split(helpers, ',');
            Object[] values = new Object[assignments.size()];
            for (int i = 0; i < values.length; i++) {
                String a = assignments.get(i);
                int eq = TagText.indexOfAssign(a);
                if (eq < 0) {
                    throw new PyException("expected '=' in with tag");
                }
                values[i] = interpreter.resolveELExpression(a.substring(eq + 1), tagNode.getLineNumber());
            }
            try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
                for (int i = 0; i < values.length; i++) {
                    String a = assignments.get(i);
                    interpreter.getContext().put(a.substring(0, TagText.indexOfAssign(a)).trim(), values[i]);
                }
                return renderChildren(tagNode, interpreter);
            }
        }
    }

    /** dbt's {@code docs} (renders nothing) and {@code snapshot} (renders its body) blocks. */
    static final class DbtBlock extends BlockTag {
        private static final long serialVersionUID = 1L;
        private final boolean rendered;

        DbtBlock(String name, boolean rendered) {
            super(name);
            this.rendered = rendered;
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            return rendered ? renderChildren(tagNode, interpreter) : "";
        }
    }
}
