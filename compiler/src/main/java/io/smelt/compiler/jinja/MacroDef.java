package io.smelt.compiler.jinja;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code {% macro name(a, b='x') %}} (or {@code test}, {@code materialization}, or the
 * parameters of a {@code {% call(x) %}} block): the name, each parameter with its default expression
 * (evaluated again at every call), and whether the body reads {@code varargs}/{@code kwargs}.
 */
record MacroDef(String name, List<Param> params, List<Node> body, int line, boolean catchVarargs,
        boolean catchKwargs) {

    /** A parameter; {@code defaultExpr} is null when it has no default. */
    record Param(String name, String defaultExpr) {
    }

    private static final Pattern MATERIALIZATION =
            Pattern.compile("\\s*(\\w+)\\s*(?:,(.*))?", Pattern.DOTALL);
    private static final Pattern ADAPTER = Pattern.compile("adapter\\s*=\\s*['\"](\\w+)['\"]");
    private static final Pattern VARARGS = Pattern.compile("\\bvarargs\\b");
    private static final Pattern KWARGS = Pattern.compile("\\bkwargs\\b");
    private static final Map<TagNode, MacroDef> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** The definition a macro-like tag makes; the signature is cached per parsed tag (without its body, so the cache does not keep trees alive). */
    static MacroDef of(TagNode tag) {
        MacroDef signature = CACHE.get(tag);
        if (signature == null) {
            MacroDef def = parse(tag);
            CACHE.put(tag, new MacroDef(def.name, def.params, List.of(), def.line, def.catchVarargs, def.catchKwargs));
            return def;
        }
        return new MacroDef(signature.name, signature.params, List.copyOf(tag.getChildren()), signature.line,
                signature.catchVarargs, signature.catchKwargs);
    }

    private static MacroDef parse(TagNode tag) {
        String helpers = TagText.helpers(tag);
        String kind = tag.getName();
        if (kind.equals("materialization")) {
            Matcher m = MATERIALIZATION.matcher(helpers);
            if (!m.matches()) {
                throw syntax("expected a materialization name", tag);
            }
            Matcher adapter = ADAPTER.matcher(m.group(2) == null ? "" : m.group(2));
            String name = "materialization_" + m.group(1) + "_" + (adapter.find() ? adapter.group(1) : "default");
            return withBody(name, List.of(), tag);
        }
        int open = helpers.indexOf('(');
        String name = (open < 0 ? helpers : helpers.substring(0, open)).trim();
        if (!TagText.isName(name)) {
            throw syntax("expected a macro name, got '" + name + "'", tag);
        }
        List<Param> params = List.of();
        if (open >= 0) {
            int close = TagText.matching(helpers, open);
            if (close < 0 || !helpers.substring(close + 1).isBlank()) {
                throw syntax("expected ')' at the end of the macro signature", tag);
            }
            params = parseParams(helpers.substring(open + 1, close), tag);
        }
        return withBody(kind.equals("test") ? "test_" + name : name, params, tag);
    }

    static List<Param> parseParams(String text, TagNode tag) {
        List<Param> params = new ArrayList<>();
        if (text.isBlank()) {
            return params;
        }
        for (String part : TagText.split(text, ',')) {
            int eq = TagText.indexOfAssign(part);
            String pname = (eq < 0 ? part : part.substring(0, eq)).trim();
            if (!TagText.isName(pname)) {
                throw syntax("expected a parameter name, got '" + part + "'", tag);
            }
            params.add(new Param(pname, eq < 0 ? null : part.substring(eq + 1).trim()));
        }
        return params;
    }

    static MacroDef withBody(String name, List<Param> params, TagNode tag) {
        StringBuilder text = new StringBuilder();
        collectText(tag.getChildren(), text);
        return new MacroDef(name, List.copyOf(params), List.copyOf(tag.getChildren()), tag.getLineNumber(),
                VARARGS.matcher(text).find(), KWARGS.matcher(text).find());
    }

    private static void collectText(List<Node> nodes, StringBuilder text) {
        for (Node n : nodes) {
            if (!(n instanceof com.hubspot.jinjava.tree.TextNode)) {
                text.append(n.getMaster().getImage()).append('\n');
            }
            collectText(n.getChildren(), text);
        }
    }

    private static PyException syntax(String message, TagNode tag) {
        return new PyException(message);
    }
}
