package io.smelt.compiler.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.smelt.compiler.jinja.Signals.LoopSignal;
import io.smelt.compiler.jinja.Token.Type;

/** Jinja2's statement parser plus dbt's {@code test}, {@code materialization}, {@code docs} and {@code snapshot}. */
final class Parser extends ExprParser {
    /** A macro-like block at the top level of a file, with its source span. */
    record TopMacro(MacroDef def, int startOffset, int endOffset) {
    }

    /** A parsed file: its statements and the macro-like blocks at its top level. */
    record Parsed(List<Stmt> body, List<TopMacro> macros) {
    }

    private final Deque<List<String>> endTokenStack = new ArrayDeque<>();
    private final Deque<String> tagStack = new ArrayDeque<>();
    private final List<TopMacro> topMacros = new ArrayList<>();
    private int depth;
    private int loopDepth;

    private Parser(List<Token> tokens) {
        super(tokens);
    }

    /** Parses a {@link Lexer#normalize normalized} source. */
    static Parsed parse(String normalized) {
        Parser p = new Parser(Lexer.tokenize(normalized));
        List<Stmt> body = p.subparse(null);
        if (p.deferred != null) {
            throw p.deferred;
        }
        return new Parsed(body, p.topMacros);
    }

    private List<Stmt> subparse(List<String> endTokens) {
        List<Stmt> body = new ArrayList<>();
        if (endTokens != null) {
            endTokenStack.push(endTokens);
        }
        try {
            while (!current().is(Type.EOF)) {
                Token t = current();
                if (t.is(Type.DATA)) {
                    next();
                    body.add(new Stmt.Text(t.line(), t.value()));
                } else if (t.is(Type.VARIABLE_BEGIN)) {
                    next();
                    Expr e = parseTuple(false, true, Set.of(), false);
                    expect(Type.VARIABLE_END, "end of print statement");
                    body.add(new Stmt.Output(t.line(), e));
                } else {
                    next();
                    if (endTokens != null && current().is(Type.NAME) && endTokens.contains(current().value())) {
                        return body;
                    }
                    int sizeBefore = topMacros.size();
                    boolean top = depth == 0;
                    Stmt stmt = parseStatement();
                    Token end = expect(Type.BLOCK_END, "end of statement block");
                    if (top && topMacros.size() > sizeBefore) {
                        TopMacro m = topMacros.remove(topMacros.size() - 1);
                        topMacros.add(new TopMacro(m.def(), t.offset(), end.offset() + end.value().length()));
                    }
                    if (stmt != null) {
                        body.add(stmt);
                    }
                }
            }
            if (endTokens != null) {
                throw unknownTag(null, current());
            }
        } finally {
            if (endTokens != null) {
                endTokenStack.pop();
            }
        }
        return body;
    }

    private TemplateSyntaxError unknownTag(String name, Token at) {
        Set<String> expected = new HashSet<>();
        endTokenStack.forEach(expected::addAll);
        String lookingFor = endTokenStack.isEmpty() ? null
                : String.join(" or ", endTokenStack.peek().stream().map(s -> "'" + s + "'").toList());
        StringBuilder m = new StringBuilder(name == null ? "Unexpected end of template."
                : "Encountered unknown tag '" + name + "'.");
        if (lookingFor != null) {
            if (name != null && expected.contains(name)) {
                m.append(" You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for ")
                        .append(lookingFor).append('.');
            } else {
                m.append(" Jinja was looking for the following tags: ").append(lookingFor).append('.');
            }
        }
        if (!tagStack.isEmpty()) {
            m.append(" The innermost block that needs to be closed is '").append(tagStack.peek()).append("'.");
        }
        return fail(m.toString(), at);
    }

    private Stmt parseStatement() {
        Token t = current();
        if (!t.is(Type.NAME)) {
            throw fail("tag name expected", t);
        }
        tagStack.push(t.value());
        boolean pop = true;
        try {
            switch (t.value()) {
                case "for":
                    return parseFor();
                case "if":
                    return parseIf();
                case "set":
                    return parseSet();
                case "with":
                    return parseWith();
                case "macro":
                    return parseMacro("endmacro", null);
                case "test":
                    return parseMacro("endtest", "test_");
                case "data_test":
                    return parseMacro("enddata_test", "test_");
                case "materialization":
                    return parseMaterialization();
                case "docs":
                    return parseNamedBlock("enddocs", false);
                case "snapshot":
                    return parseNamedBlock("endsnapshot", true);
                case "call":
                    return parseCallBlock();
                case "filter":
                    return parseFilterBlock();
                case "do":
                    next();
                    return new Stmt.Do(t.line(), parseTuple(false, true, Set.of(), false));
                case "break":
                case "continue":
                    next();
                    if (loopDepth == 0) {
                        throw fail("'" + t.value() + "' outside of a loop", t);
                    }
                    return new Stmt.LoopControl(t.line(), t.value().equals("break") ? LoopSignal.BREAK
                            : LoopSignal.CONTINUE);
                default:
                    tagStack.pop();
                    pop = false;
                    throw unknownTag(t.value(), t);
            }
        } finally {
            if (pop) {
                tagStack.pop();
            }
        }
    }

    private List<Stmt> parseStatements(List<String> endTokens, boolean dropNeedle) {
        skipOp(":");
        expect(Type.BLOCK_END, "end of statement block");
        depth++;
        List<Stmt> body;
        try {
            body = subparse(endTokens);
        } finally {
            depth--;
        }
        if (dropNeedle) {
            next();
        }
        return body;
    }

    private Stmt parseFor() {
        int line = next().line();
        Expr target = parseAssignTarget(true, false, Set.of("in"), false);
        expectName("in");
        Expr iter = parseTuple(false, false, Set.of("recursive"), false);
        Expr filter = skipName("if") ? parseExpression() : null;
        boolean recursive = skipName("recursive");
        loopDepth++;
        List<Stmt> body;
        try {
            body = parseStatements(List.of("endfor", "else"), false);
        } finally {
            loopDepth--;
        }
        List<Stmt> otherwise = null;
        if (!next().value().equals("endfor")) {
            otherwise = parseStatements(List.of("endfor"), true);
        }
        return new Stmt.For(line, target, iter, filter, body, otherwise, recursive);
    }

    private Stmt parseIf() {
        int line = next().line();
        List<Expr> tests = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        List<Stmt> otherwise = null;
        while (true) {
            tests.add(parseTuple(false, false, Set.of(), false));
            bodies.add(parseStatements(List.of("elif", "else", "endif"), false));
            Token t = next();
            if (t.isName("elif")) {
                continue;
            }
            if (t.isName("else")) {
                otherwise = parseStatements(List.of("endif"), true);
            }
            break;
        }
        return new Stmt.If(line, tests, bodies, otherwise);
    }

    private Stmt parseSet() {
        int line = next().line();
        Expr target = parseAssignTarget(true, false, Set.of(), true);
        if (skipOp("=")) {
            return new Stmt.Set(line, target, parseTuple(false, true, Set.of(), false));
        }
        List<Expr.FilterCall> filters = filterChain(current().isOp("|") ? parseFilter(null, false) : null);
        List<Stmt> body = parseStatements(List.of("endset"), true);
        return new Stmt.SetBlock(line, target, filters, body);
    }

    private static List<Expr.FilterCall> filterChain(Expr node) {
        List<Expr.FilterCall> chain = new ArrayList<>();
        while (node instanceof Expr.FilterCall f) {
            chain.add(0, f);
            node = f.input;
        }
        return chain;
    }

    private Stmt parseWith() {
        int line = next().line();
        List<Expr> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!current().is(Type.BLOCK_END)) {
            if (!targets.isEmpty()) {
                expectOp(",");
            }
            targets.add(parseAssignTarget(true, false, Set.of(), false));
            expectOp("=");
            values.add(parseExpression());
        }
        return new Stmt.With(line, targets, values, parseStatements(List.of("endwith"), true));
    }

    private Stmt parseMacro(String endTag, String prefix) {
        Token start = next();
        String name = parseAssignTarget(false, true, Set.of(), false) instanceof Expr.Name n ? n.name : null;
        referenced.push(new HashSet<>());
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        parseSignature(params, defaults);
        int savedLoops = loopDepth;
        loopDepth = 0;
        List<Stmt> body;
        Set<String> refs;
        try {
            body = parseStatements(List.of(endTag), true);
        } finally {
            loopDepth = savedLoops;
            refs = referenced.pop();
        }
        MacroDef def = new MacroDef(prefix == null ? name : prefix + name, params, defaults, body, refs, start.line(),
                0, 0);
        if (depth == 0) {
            topMacros.add(new TopMacro(def, 0, 0));
        }
        return new Stmt.MacroStmt(def);
    }

    private void parseSignature(List<String> params, List<Expr> defaults) {
        expectOp("(");
        boolean anyDefault = false;
        while (!current().isOp(")")) {
            if (!params.isEmpty()) {
                expectOp(",");
            }
            Token t = current();
            String param = ((Expr.Name) parseAssignTarget(false, true, Set.of(), false)).name;
            if (skipOp("=")) {
                defaults.add(parseExpression());
                anyDefault = true;
            } else {
                if (anyDefault) {
                    throw fail("non-default argument follows default argument", t);
                }
                defaults.add(null);
            }
            params.add(param);
        }
        expectOp(")");
    }

    private Stmt parseMaterialization() {
        Token start = next();
        String name = ((Expr.Name) parseAssignTarget(false, true, Set.of(), false)).name;
        String adapter = "default";
        while (skipOp(",")) {
            Token t = current();
            String key = ((Expr.Name) parseAssignTarget(false, true, Set.of(), false)).name;
            switch (key) {
                case "default" -> { }
                case "adapter" -> {
                    expectOp("=");
                    Expr value = parseExpression();
                    if (!(value instanceof Expr.Const c) || !(c.value instanceof String s)) {
                        throw fail("adapter must be a string", t);
                    }
                    adapter = s;
                }
                case "supported_languages" -> {
                    expectOp("=");
                    parseExpression();
                }
                default -> throw fail("materialization: invalid keyword argument '" + key + "'", t);
            }
        }
        referenced.push(new HashSet<>());
        List<Stmt> body;
        Set<String> refs;
        try {
            body = parseStatements(List.of("endmaterialization"), true);
        } finally {
            refs = referenced.pop();
        }
        MacroDef def = new MacroDef("materialization_" + name + "_" + adapter, List.of(), List.of(), body, refs,
                start.line(), 0, 0);
        if (depth == 0) {
            topMacros.add(new TopMacro(def, 0, 0));
        }
        return new Stmt.MacroStmt(def);
    }

    private Stmt parseNamedBlock(String endTag, boolean renderInTemplate) {
        int line = next().line();
        parseAssignTarget(false, true, Set.of(), false);
        List<Stmt> body = parseStatements(List.of(endTag), true);
        return new Stmt.Block(line, renderInTemplate ? body : null);
    }

    private Stmt parseCallBlock() {
        Token start = next();
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        referenced.push(refs);
        try {
            if (current().isOp("(")) {
                parseSignature(params, defaults);
            }
        } finally {
            referenced.pop();
        }
        Expr call = parseExpression();
        if (!(call instanceof Expr.Call)) {
            throw fail("expected call", start);
        }
        referenced.push(refs);
        List<Stmt> body;
        try {
            body = parseStatements(List.of("endcall"), true);
        } finally {
            referenced.pop();
        }
        MacroDef caller = new MacroDef("caller", params, defaults, body, refs, start.line(), 0, 0);
        return new Stmt.CallBlock(start.line(), caller, (Expr.Call) call);
    }

    private Stmt parseFilterBlock() {
        int line = next().line();
        List<Expr.FilterCall> filters = filterChain(parseFilter(null, true));
        return new Stmt.FilterBlock(line, filters, parseStatements(List.of("endfilter"), true));
    }

    /** Jinja2's {@code parse_assign_target}. */
    Expr parseAssignTarget(boolean withTuple, boolean nameOnly, Set<String> extraEndNames, boolean withNamespace) {
        Expr target;
        if (withNamespace && look().isOp(".")) {
            Token ns = expect(Type.NAME, "name");
            next();
            Token attr = expect(Type.NAME, "name");
            target = new Expr.Getattr(ns.line(), new Expr.Name(ns.line(), ns.value()), attr.value());
        } else if (nameOnly) {
            Token t = expect(Type.NAME, "name");
            target = new Expr.Name(t.line(), t.value());
        } else {
            target = withTuple ? parseTuple(true, true, extraEndNames, false) : parsePrimary();
        }
        checkAssignable(target, current());
        return target;
    }

    private static void checkAssignable(Expr target, Token at) {
        if (target instanceof Expr.Name n) {
            if (Set.of("true", "false", "none", "True", "False", "None").contains(n.name)) {
                throw fail("can't assign to 'const'", at);
            }
        } else if (target instanceof Expr.ListLit l && l.tuple) {
            for (Expr e : l.items) {
                checkAssignable(e, at);
            }
        } else if (!(target instanceof Expr.Getattr)) {
            throw fail("can't assign to '" + target.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "'",
                    at);
        }
    }
}
