package io.smelt.compiler.jinja;

import java.util.List;

/**
 * What a macro accepts, for checking a call before it runs (a generic test's YAML arguments).
 *
 * @param parameters every named parameter, in order
 * @param required the parameters without a default
 * @param takesAnyKeyword whether the body reads {@code kwargs}, so that unknown keywords are accepted
 */
public record MacroSignature(List<String> parameters, List<String> required, boolean takesAnyKeyword) {
    public MacroSignature {
        parameters = List.copyOf(parameters);
        required = List.copyOf(required);
    }

    static MacroSignature of(MacroDef def) {
        return new MacroSignature(def.params().stream().map(MacroDef.Param::name).toList(),
                def.params().stream().filter(p -> p.defaultExpr() == null).map(MacroDef.Param::name).toList(),
                def.catchKwargs());
    }
}
