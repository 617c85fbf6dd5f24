package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.TagNode;

import java.util.List;

/**
 * {@code {% call(args) macro(...) %}body{% endcall %}}: calls the macro with {@code caller} bound to the
 * body, which renders in the scope of the call site.
 */
final class CallBlockTag extends BlockTag {
    private static final long serialVersionUID = 1L;

    /** The builtin that hands a call's evaluated arguments back to this tag. */
    static final String ARGS_FUNCTION = "__smelt_call_args__";

    record Args(List<Object> args, java.util.Map<String, Object> kwargs) {
    }

    CallBlockTag() {
        super("call");
    }

    /** The parts of the tag text: caller parameters, callee expression, argument list (with parentheses). */
    record Parts(String params, String callee, String args) {
        static Parts of(String helpers) {
            String text = helpers.trim();
            String params = "";
            if (text.startsWith("(")) {
                int close = TagText.matching(text, 0);
                if (close < 0) {
                    throw new PyException("unclosed caller parameter list");
                }
                params = text.substring(1, close);
                text = text.substring(close + 1).trim();
            }
            int open = TagText.lastCallArgs(text);
            if (open < 0) {
                throw new PyException("expected a call after 'call', got '" + text + "'");
            }
            return new Parts(params, text.substring(0, open).trim(), text.substring(open).trim());
        }
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        int line = tagNode.getLineNumber();
        interpreter.setLineNumber(line);
        Parts parts = Parts.of(TagText.helpers(tagNode));
        Object callee = interpreter.resolveELExpression(parts.callee(), line);
        Args args = (Args) interpreter.resolveELExpression(ARGS_FUNCTION + parts.args(), line);
        MacroDef def = MacroDef.withBody("caller", MacroDef.parseParams(parts.params(), tagNode), tagNode);
        Frames.Frame frame = Frames.current();
        DbtMacro caller = new DbtMacro(def, frame == null ? null : frame.packageName(),
                frame == null ? null : frame.file(), interpreter.getContext(), false);
        args.kwargs().put("caller", caller);
        Object result = Calls.call(callee, args.args(), args.kwargs());
        interpreter.setLineNumber(line);
        return interpreter.getAsString(result);
    }
}
