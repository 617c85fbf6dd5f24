package io.smelt.compiler.jinja;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.MacroInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One macro file parsed into its macros (and their manifest entries), or its problems. */
final class MacroFile {
    private static final Pattern START = Pattern.compile("\\{%-?\\s*(macro|test|materialization)\\b");

    record Entry(DbtMacro macro, MacroInfo info) {
    }

    record Loaded(List<Entry> macros, List<Diagnostic> problems) {
    }

    private MacroFile() {
    }

    static Loaded load(DbtJinjava jinjava, MacroSource source) {
        TemplateLoader.Parsed parsed = TemplateLoader.parse(jinjava, source.path(), source.text());
        if (!parsed.problems().isEmpty()) {
            return new Loaded(List.of(), parsed.problems());
        }
        List<Entry> entries = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        collect(parsed.root().getChildren(), source, entries, problems);
        return new Loaded(entries, problems);
    }

    private static void collect(List<Node> nodes, MacroSource source, List<Entry> out, List<Diagnostic> problems) {
        for (Node node : nodes) {
            if (JinjaEngine.isMacroTag(node)) {
                TagNode tag = (TagNode) node;
                try {
                    MacroDef def = MacroDef.of(tag);
                    DbtMacro macro = new DbtMacro(def, source.packageName(), source.path(), null);
                    MacroInfo info = new MacroInfo("macro." + source.packageName() + "." + def.name(),
                            source.packageName(), def.name(), source.path(), tag.getLineNumber(),
                            sql(source.text(), tag.getLineNumber(), tag.getName()));
                    out.add(new Entry(macro, info));
                } catch (PyException e) {
                    problems.add(Diagnostic.of(ErrorKind.JINJA,
                            SourcePosition.of(source.path(), tag.getLineNumber()), e.getMessage()));
                }
            } else if (node instanceof TagNode t && !t.getName().equals("docs") && !t.getName().equals("snapshot")) {
                collect(node.getChildren(), source, out, problems);
            }
        }
    }

    /** The definition's source, from its opening tag to the end of its closing tag. */
    private static String sql(String text, int line, String kind) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return "";
            }
        }
        Matcher start = START.matcher(text);
        if (!start.find(offset)) {
            return "";
        }
        Matcher end = Pattern.compile("\\{%-?\\s*end" + kind + "\\s*-?%}").matcher(text);
        if (!end.find(start.start())) {
            return text.substring(start.start());
        }
        return text.substring(start.start(), end.end());
    }
}
