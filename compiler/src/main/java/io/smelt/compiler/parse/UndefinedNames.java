package io.smelt.compiler.parse;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.MacroInfo;
import io.smelt.compiler.graph.NameSuggestions;
import io.smelt.compiler.jinja.JinjaEngine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Adds a hint to "'x' is undefined": most often a macro name typed wrong or a package not installed. */
final class UndefinedNames {
    private static final Pattern UNDEFINED = Pattern.compile("'([A-Za-z_][A-Za-z0-9_]*)' is undefined");

    private UndefinedNames() {
    }

    static SmeltException withHint(SmeltException e, JinjaEngine engine) {
        Diagnostic first = e.first();
        Matcher matcher = UNDEFINED.matcher(first.message());
        if (!matcher.find() || (first.hint() != null && !first.hint().isBlank() && !first.hint().startsWith("in macro"))) {
            return e;
        }
        String name = matcher.group(1);
        List<String> macros = engine.macros().stream().map(MacroInfo::name).filter(macro -> !macro.contains("__")).toList();
        String suggestion = NameSuggestions.hint(name, macros);
        String hint = "no macro, variable or function named '" + name + "' exists; "
                + (suggestion == null ? "define it under macros/, or install the package that provides it" : suggestion);
        if (first.hint() != null && !first.hint().isBlank()) {
            hint = hint + "\n  " + first.hint();
        }
        return new SmeltException(first.kind(), first.at(), first.message(), hint, e);
    }
}
