package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.TagNode;

/**
 * {@code {% macro %}}, {@code {% test %}} and {@code {% materialization %}} inside a template: defines a
 * macro variable in the current scope. In macro files the engine collects these tags at load time.
 */
final class MacroTags extends BlockTag {
    private static final long serialVersionUID = 1L;

    MacroTags(String name) {
        super(name);
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        MacroDef def = MacroDef.of(tagNode);
        Frames.Frame frame = Frames.current();
        DbtMacro macro = new DbtMacro(def, frame == null ? null : frame.packageName(),
                frame == null ? null : frame.file(), interpreter.getContext());
        interpreter.getContext().put(def.name(), macro);
        return "";
    }
}
