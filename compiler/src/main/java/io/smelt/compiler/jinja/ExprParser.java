package io.smelt.compiler.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import io.smelt.compiler.jinja.Token.Type;

/** Jinja2's expression grammar, precedence and error messages; {@link Parser} adds the statements. */
class ExprParser {
    private static final Set<String> CMP = Set.of("==", "!=", "<", "<=", ">", ">=");

    final List<Token> tokens;
    int pos;
    /** Names read inside the macro bodies being parsed, innermost last (for varargs/kwargs/caller). */
    final Deque<Set<String>> referenced = new ArrayDeque<>();
    /** A compile-time error (unknown filter or test), reported if the template otherwise parses. */
    TemplateSyntaxError deferred;

    ExprParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token current() {
        return tokens.get(pos);
    }

    Token look() {
        return tokens.get(Math.min(pos + 1, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.EOF) {
            pos++;
        }
        return t;
    }

    static TemplateSyntaxError fail(String message, Token at) {
        return new TemplateSyntaxError(message, at.line(), at.col());
    }

    boolean skipOp(String op) {
        if (current().isOp(op)) {
            next();
            return true;
        }
        return false;
    }

    boolean skipName(String name) {
        if (current().isName(name)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Type type, String what) {
        Token t = current();
        if (t.type() != type) {
            throw expectedError(what, t);
        }
        return next();
    }

    Token expectOp(String op) {
        Token t = current();
        if (!t.isOp(op)) {
            throw expectedError(op, t);
        }
        return next();
    }

    Token expectName(String name) {
        Token t = current();
        if (!t.isName(name)) {
            throw expectedError(name, t);
        }
        return next();
    }

    static TemplateSyntaxError expectedError(String what, Token t) {
        if (t.type() == Type.EOF) {
            return fail("unexpected end of template, expected '" + what + "'.", t);
        }
        return fail("expected token '" + what + "', got '" + t.describe() + "'", t);
    }

    Expr parseExpression() {
        return parseCondExpr();
    }

    Expr parseExpression(boolean withCondExpr) {
        return withCondExpr ? parseCondExpr() : parseOr();
    }

    private Expr parseCondExpr() {
        int line = current().line();
        Expr expr1 = parseOr();
        while (skipName("if")) {
            Expr expr2 = parseOr();
            Expr expr3 = skipName("else") ? parseCondExpr() : null;
            expr1 = new Expr.CondExpr(line, expr2, expr1, expr3);
            line = current().line();
        }
        return expr1;
    }

    private Expr parseOr() {
        int line = current().line();
        Expr left = parseAnd();
        while (skipName("or")) {
            left = new Expr.Logic(line, false, left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        int line = current().line();
        Expr left = parseNot();
        while (skipName("and")) {
            left = new Expr.Logic(line, true, left, parseNot());
        }
        return left;
    }

    private Expr parseNot() {
        if (current().isName("not")) {
            int line = next().line();
            return new Expr.Unary(line, '!', parseNot());
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        int line = current().line();
        Expr expr = parseMath1();
        List<String> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Token t = current();
            if (t.is(Type.OPERATOR) && CMP.contains(t.value())) {
                next();
                ops.add(t.value());
            } else if (skipName("in")) {
                ops.add("in");
            } else if (t.isName("not") && look().isName("in")) {
                next();
                next();
                ops.add("notin");
            } else {
                break;
            }
            operands.add(parseMath1());
        }
        return ops.isEmpty() ? expr : new Expr.Compare(line, expr, ops, operands);
    }

    private Expr parseMath1() {
        int line = current().line();
        Expr left = parseConcat();
        while (current().isOp("+") || current().isOp("-")) {
            String op = next().value();
            left = new Expr.BinOp(line, op, left, parseConcat());
        }
        return left;
    }

    private Expr parseConcat() {
        int line = current().line();
        Expr left = parseMath2();
        while (skipOp("~")) {
            left = new Expr.BinOp(line, "~", left, parseMath2());
        }
        return left;
    }

    private Expr parseMath2() {
        int line = current().line();
        Expr left = parsePow();
        while (current().isOp("*") || current().isOp("/") || current().isOp("//") || current().isOp("%")) {
            String op = next().value();
            left = new Expr.BinOp(line, op, left, parsePow());
        }
        return left;
    }

    private Expr parsePow() {
        int line = current().line();
        Expr left = parseUnary(true);
        while (skipOp("**")) {
            left = new Expr.BinOp(line, "**", left, parseUnary(true));
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        Token t = current();
        Expr node;
        if (t.isOp("-") || t.isOp("+")) {
            next();
            node = new Expr.Unary(t.line(), t.value().charAt(0), parseUnary(false));
        } else {
            node = parsePrimary();
        }
        node = parsePostfix(node);
        return withFilter ? parseFilterExpr(node) : node;
    }

    Expr parsePrimary() {
        Token t = current();
        switch (t.type()) {
            case NAME -> {
                next();
                return switch (t.value()) {
                    case "true", "True" -> new Expr.Const(t.line(), Boolean.TRUE);
                    case "false", "False" -> new Expr.Const(t.line(), Boolean.FALSE);
                    case "none", "None" -> new Expr.Const(t.line(), null);
                    default -> {
                        if (!referenced.isEmpty()) {
                            referenced.peek().add(t.value());
                        }
                        yield new Expr.Name(t.line(), t.value());
                    }
                };
            }
            case STRING -> {
                next();
                StringBuilder b = new StringBuilder((String) t.literal());
                while (current().is(Type.STRING)) {
                    b.append((String) next().literal());
                }
                return new Expr.Const(t.line(), b.toString());
            }
            case INTEGER, FLOAT -> {
                next();
                return new Expr.Const(t.line(), t.literal());
            }
            case OPERATOR -> {
                switch (t.value()) {
                    case "(" -> {
                        next();
                        Expr node = parseTuple(false, true, Set.of(), true);
                        expectOp(")");
                        return node;
                    }
                    case "[" -> {
                        return parseList();
                    }
                    case "{" -> {
                        return parseDict();
                    }
                    default -> throw fail("unexpected '" + t.describe() + "'", t);
                }
            }
            default -> throw fail("unexpected '" + t.describe() + "'", t);
        }
    }

    /** Jinja2's {@code parse_tuple}: {@code a, b} without parentheses, or a single expression. */
    Expr parseTuple(boolean simplified, boolean withCondExpr, Set<String> extraEndNames, boolean explicitParens) {
        int line = current().line();
        List<Expr> args = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!args.isEmpty()) {
                expectOp(",");
            }
            if (isTupleEnd(extraEndNames)) {
                break;
            }
            args.add(simplified ? parsePrimary() : parseExpression(withCondExpr));
            if (current().isOp(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!args.isEmpty()) {
                return args.get(0);
            }
            if (!explicitParens) {
                throw fail("Expected an expression, got '" + current().describe() + "'", current());
            }
        }
        return new Expr.ListLit(line, args, true);
    }

    private boolean isTupleEnd(Set<String> extraEndNames) {
        Token t = current();
        return t.is(Type.VARIABLE_END) || t.is(Type.BLOCK_END) || t.isOp(")")
                || (t.is(Type.NAME) && extraEndNames.contains(t.value()));
    }

    private Expr parseList() {
        Token t = expectOp("[");
        List<Expr> items = new ArrayList<>();
        while (!current().isOp("]")) {
            if (!items.isEmpty()) {
                expectOp(",");
            }
            if (current().isOp("]")) {
                break;
            }
            items.add(parseExpression());
        }
        expectOp("]");
        return new Expr.ListLit(t.line(), items, false);
    }

    private Expr parseDict() {
        Token t = expectOp("{");
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!current().isOp("}")) {
            if (!keys.isEmpty()) {
                expectOp(",");
            }
            if (current().isOp("}")) {
                break;
            }
            keys.add(parseExpression());
            expectOp(":");
            values.add(parseExpression());
        }
        expectOp("}");
        return new Expr.DictLit(t.line(), keys, values);
    }

    Expr parsePostfix(Expr node) {
        while (true) {
            if (current().isOp(".") || current().isOp("[")) {
                node = parseSubscript(node);
            } else if (current().isOp("(")) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    private Expr parseFilterExpr(Expr node) {
        while (true) {
            if (current().isOp("|")) {
                node = parseFilter(node, false);
            } else if (current().isName("is")) {
                node = parseTest(node);
            } else if (current().isOp("(")) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    private Expr parseSubscript(Expr node) {
        Token t = next();
        if (t.isOp(".")) {
            Token attr = next();
            if (attr.is(Type.NAME)) {
                return new Expr.Getattr(attr.line(), node, attr.value());
            }
            if (!attr.is(Type.INTEGER)) {
                throw fail("expected name or number", attr);
            }
            return new Expr.Getitem(attr.line(), node, new Expr.Const(attr.line(), attr.literal()));
        }
        List<Expr> args = new ArrayList<>();
        while (!current().isOp("]")) {
            if (!args.isEmpty()) {
                expectOp(",");
            }
            args.add(parseSubscribed());
        }
        expectOp("]");
        Expr key = args.size() == 1 ? args.get(0) : new Expr.ListLit(t.line(), args, true);
        return new Expr.Getitem(t.line(), node, key);
    }

    private Expr parseSubscribed() {
        int line = current().line();
        Expr start = null;
        if (current().isOp(":")) {
            next();
        } else {
            Expr node = parseExpression();
            if (!current().isOp(":")) {
                return node;
            }
            next();
            start = node;
        }
        Expr stop = null;
        if (!current().isOp(":") && !current().isOp("]") && !current().isOp(",")) {
            stop = parseExpression();
        }
        Expr step = null;
        if (current().isOp(":")) {
            next();
            if (!current().isOp("]") && !current().isOp(",")) {
                step = parseExpression();
            }
        }
        return new Expr.SliceExpr(line, start, stop, step);
    }

    Expr.Args parseCallArgs() {
        Token open = expectOp("(");
        List<Expr> args = new ArrayList<>();
        List<String> kwNames = new ArrayList<>();
        List<Expr> kwValues = new ArrayList<>();
        Expr star = null;
        Expr starStar = null;
        boolean requireComma = false;
        while (!current().isOp(")")) {
            if (requireComma) {
                expectOp(",");
                if (current().isOp(")")) {
                    break;
                }
            }
            if (current().isOp("*")) {
                ensure(star == null && starStar == null, open);
                next();
                star = parseExpression();
            } else if (current().isOp("**")) {
                ensure(starStar == null, open);
                next();
                starStar = parseExpression();
            } else if (current().is(Type.NAME) && look().isOp("=")) {
                ensure(starStar == null, open);
                kwNames.add(next().value());
                next();
                kwValues.add(parseExpression());
            } else {
                ensure(star == null && starStar == null && kwNames.isEmpty(), open);
                args.add(parseExpression());
            }
            requireComma = true;
        }
        expectOp(")");
        if (args.isEmpty() && kwNames.isEmpty() && star == null && starStar == null) {
            return Expr.Args.NONE;
        }
        return new Expr.Args(args, kwNames, kwValues, star, starStar);
    }

    private static void ensure(boolean ok, Token at) {
        if (!ok) {
            throw fail("invalid syntax for function call expression", at);
        }
    }

    private Expr parseCall(Expr node) {
        int line = current().line();
        return new Expr.Call(line, node, parseCallArgs());
    }

    Expr parseFilter(Expr node, boolean startInline) {
        while (current().isOp("|") || startInline) {
            if (!startInline) {
                next();
            }
            Token t = expect(Type.NAME, "name");
            String name = t.value();
            while (current().isOp(".")) {
                next();
                name += "." + expect(Type.NAME, "name").value();
            }
            Expr.Args args = current().isOp("(") ? parseCallArgs() : Expr.Args.NONE;
            Filters.Filter filter = Filters.get(name);
            if (filter == null && deferred == null) {
                deferred = fail("No filter named '" + name + "'.", t);
            }
            node = new Expr.FilterCall(t.line(), node, name, filter, args);
            startInline = false;
        }
        return node;
    }

    private Expr parseTest(Expr node) {
        Token is = next();
        boolean negated = skipName("not");
        Token t = expect(Type.NAME, "name");
        String name = t.value();
        while (current().isOp(".")) {
            next();
            name += "." + expect(Type.NAME, "name").value();
        }
        Expr.Args args = Expr.Args.NONE;
        Token c = current();
        if (c.isOp("(")) {
            args = parseCallArgs();
        } else if ((c.is(Type.NAME) || c.is(Type.STRING) || c.is(Type.INTEGER) || c.is(Type.FLOAT) || c.isOp("(")
                || c.isOp("[") || c.isOp("{")) && !c.isName("else") && !c.isName("or") && !c.isName("and")) {
            if (c.isName("is")) {
                throw fail("You cannot chain multiple tests with is", c);
            }
            Expr arg = parsePostfix(parsePrimary());
            args = new Expr.Args(List.of(arg), List.of(), List.of(), null, null);
        }
        Tests.Test test = Tests.get(name);
        if (test == null && deferred == null) {
            deferred = fail("No test named '" + name + "'.", t);
        }
        return new Expr.TestCall(is.line(), node, test, args, negated);
    }
}
