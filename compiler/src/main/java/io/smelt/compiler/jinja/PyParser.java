package io.smelt.compiler.jinja;

import com.hubspot.jinjava.el.ext.AstDict;
import com.hubspot.jinjava.el.ext.AstList;
import com.hubspot.jinjava.el.ext.AstNamedParameter;
import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.PowerOfOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.el.ext.TruncDivOperator;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstString;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * jinjava's expression parser with Jinja2's grammar where dbt code needs it: calling any value
 * ({@code adapter.dispatch('x', 'pkg')(args)}), trailing commas, {@code *args}/{@code **kwargs},
 * slices with steps, chained comparisons, {@code not} below comparisons, filters and tests in any order,
 * {@code none}, {@code ()}, integers of any size, and Python operator semantics through our own nodes.
 */
final class PyParser extends ExtendedParser {
    private static final Set<Symbol> TEST_NAMES = Set.of(Symbol.IDENTIFIER, Symbol.EQ, Symbol.NE, Symbol.LT,
            Symbol.LE, Symbol.GT, Symbol.GE, Symbol.TRUE, Symbol.FALSE, CollectionMembershipOperator.TOKEN.getSymbol());

    PyParser(Builder context, String input) {
        super(context, input);
        putExtensionHandler(TruncDivOperator.TOKEN, binary(TruncDivOperator.HANDLER, "//"));
        putExtensionHandler(PowerOfOperator.TOKEN, binary(PowerOfOperator.HANDLER, "**"));
        putExtensionHandler(StringConcatOperator.TOKEN, binary(StringConcatOperator.HANDLER, "~"));
        putExtensionHandler(CollectionMembershipOperator.TOKEN, binary(CollectionMembershipOperator.HANDLER, "in"));
    }

    private static ExtensionHandler binary(ExtensionHandler like, String op) {
        return new ExtensionHandler(like.getExtensionPoint()) {
            @Override
            public AstNode createAstNode(AstNode... children) {
                return new AstBinary(children[0], children[1], OpNodes.binary(op));
            }
        };
    }

    @Override
    protected Scanner createScanner(String expression) {
        return new PyScanner(expression);
    }

    @Override
    protected AstNode expr(boolean required) throws ScanException, ParseException {
        AstNode v = or(required);
        if (v == null) {
            return null;
        }
        if (getToken().getSymbol() == Symbol.QUESTION && "if".equals(getToken().getImage())) {
            consumeToken();
            AstNode cond = or(true);
            AstNode otherwise;
            if ("else".equals(getToken().getImage())) {
                consumeToken();
                otherwise = expr(true);
            } else {
                otherwise = new OpNodes.NoElse();
            }
            return new OpNodes.Choice(cond, v, otherwise);
        }
        if (getToken().getSymbol() == Symbol.QUESTION) {
            consumeToken();
            AstNode yes = expr(true);
            consumeToken(Symbol.COLON);
            return new OpNodes.Choice(v, yes, expr(true));
        }
        return v;
    }

    @Override
    protected AstNode eq(boolean required) throws ScanException, ParseException {
        if (getToken().getSymbol() == Symbol.NOT && !"in".equals(lookahead(0).getImage())) {
            consumeToken();
            return new AstUnary(eq(true), OpNodes.NOT);
        }
        return super.eq(required);
    }

    @Override
    protected AstNode cmp(boolean required) throws ScanException, ParseException {
        AstNode v = add(required);
        if (v == null) {
            return null;
        }
        List<AstNode> operands = null;
        List<String> ops = null;
        while (true) {
            Scanner.Token t = getToken();
            String op = switch (t.getSymbol()) {
                case LT -> "<";
                case LE -> "<=";
                case GT -> ">";
                case GE -> ">=";
                case EXTENSION -> "in".equals(t.getImage()) ? "in" : null;
                case NOT -> "in".equals(lookahead(0).getImage()) ? "not in" : null;
                default -> null;
            };
            if (op == null) {
                break;
            }
            consumeToken();
            if (op.equals("not in")) {
                consumeToken();
            }
            if (ops == null) {
                ops = new ArrayList<>();
                operands = new ArrayList<>();
                operands.add(v);
            }
            ops.add(op);
            operands.add(add(true));
        }
        if (ops == null) {
            return v;
        }
        if (ops.size() == 1) {
            return new AstBinary(operands.get(0), operands.get(1), OpNodes.binary(ops.get(0)));
        }
        return new OpNodes.Chain(operands, ops);
    }

    /** {@code * / // %} over powers: {@code **} binds tighter, as in Jinja2 ({@code 2 * 3 ** 2} is 18). */
    @Override
    protected AstNode mul(boolean required) throws ScanException, ParseException {
        AstNode v = pow(required);
        if (v == null) {
            return null;
        }
        while (true) {
            Scanner.Token t = getToken();
            if (t.getSymbol() == Symbol.MUL || t.getSymbol() == Symbol.DIV || t.getSymbol() == Symbol.MOD) {
                consumeToken();
                AstBinary.Operator op = t.getSymbol() == Symbol.MUL ? AstBinary.MUL
                        : t.getSymbol() == Symbol.DIV ? AstBinary.DIV : AstBinary.MOD;
                v = createAstBinary(v, pow(true), op);
            } else if (t.getSymbol() == Symbol.EXTENSION && !isPower(t)
                    && getExtensionHandler(t).getExtensionPoint() == ExtensionPoint.MUL) {
                v = getExtensionHandler(consumeToken()).createAstNode(v, pow(true));
            } else {
                return v;
            }
        }
    }

    /** {@code a ** b ** c}, read left to right as Jinja2 does; each operand may carry filters. */
    private AstNode pow(boolean required) throws ScanException, ParseException {
        AstNode v = filter(required);
        if (v == null) {
            return null;
        }
        while (isPower(getToken())) {
            consumeToken();
            v = new AstBinary(v, filter(true), OpNodes.binary("**"));
        }
        return v;
    }

    private static boolean isPower(Scanner.Token t) {
        return t.getSymbol() == Symbol.EXTENSION && PowerOfOperator.TOKEN.getImage().equals(t.getImage());
    }

    /**
     * Filters and tests after a value, in any order and number, as Jinja2's {@code parse_filter_expr}
     * reads them ({@code x|default(none) is none}); jinjava takes either filters or one test.
     */
    @Override
    protected AstNode filter(boolean required) throws ScanException, ParseException {
        AstNode v = unary(required);
        if (v == null) {
            return null;
        }
        while (true) {
            Scanner.Token t = getToken();
            if ("|".equals(t.getImage()) && lookahead(0).getSymbol() == Symbol.IDENTIFIER) {
                v = parseFiltersAsNestedMethods(v);
            } else if ("is".equals(t.getImage()) && "not".equals(lookahead(0).getImage())
                    && TEST_NAMES.contains(lookahead(1).getSymbol())) {
                consumeToken();
                consumeToken();
                v = test(v, "evaluateNegated");
            } else if ("is".equals(t.getImage()) && TEST_NAMES.contains(lookahead(0).getSymbol())) {
                consumeToken();
                v = test(v, "evaluate");
            } else {
                return v;
            }
        }
    }

    /** {@code v is name arg}, as jinjava builds it: a call of the test's {@code evaluate} method. */
    private AstNode test(AstNode v, String method) throws ScanException, ParseException {
        String name = consumeToken().getImage();
        if ("is".equals(getToken().getImage())) {
            throw new PyException("You cannot chain multiple tests with is");
        }
        List<AstNode> params = new ArrayList<>(List.of(v, interpreter()));
        AstNode arg = value();
        if (arg != null) {
            params.add(arg);
        }
        return createAstMethod(createAstDot(identifier(EXPTEST_PREFIX + name), method, true),
                createAstParameters(params));
    }

    /** Integer literals of any size, as in Python. */
    @Override
    protected Number parseInteger(String string) throws ParseException {
        return PyOps.normalizeBig(new BigInteger(string));
    }

    /** Adjacent string literals concatenate, as in Python ({@code "a" "b"}). */
    @Override
    protected AstNode literal() throws ScanException, ParseException {
        if (getToken().getSymbol() != Symbol.STRING || lookahead(0).getSymbol() != Symbol.STRING) {
            return super.literal();
        }
        StringBuilder joined = new StringBuilder();
        while (getToken().getSymbol() == Symbol.STRING) {
            joined.append(consumeToken().getImage());
        }
        return new AstString(joined.toString());
    }

    @Override
    protected AstNode nonliteral() throws ScanException, ParseException {
        Scanner.Token t = getToken();
        if (t.getSymbol() == Symbol.LPAREN && lookahead(0).getSymbol() == Symbol.RPAREN) {
            return createAstTuple(params());
        }
        if (t.getSymbol() != Symbol.IDENTIFIER) {
            return super.nonliteral();
        }
        String name = t.getImage();
        consumeToken();
        if (name.equals("none") || name.equals("None")) {
            return new OpNodes.Const(null, name);
        }
        AstNode id = identifier(name);
        if (getToken().getSymbol() == Symbol.LPAREN) {
            return new ExprNodes.Call(id, params());
        }
        return id;
    }

    @Override
    protected AstNode value() throws ScanException, ParseException {
        AstNode v = nonliteral();
        if (v == null) {
            v = literal();
            if (v == null) {
                return null;
            }
        }
        while (true) {
            switch (getToken().getSymbol()) {
                case DOT -> {
                    consumeToken();
                    Scanner.Token name = consumeToken();
                    if (name.getSymbol() == Symbol.INTEGER) {
                        v = new ExprNodes.Item(v, new OpNodes.Const(Long.valueOf(name.getImage()), name.getImage()));
                    } else if (name.getImage().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        v = new ExprNodes.Attr(v, name.getImage());
                    } else {
                        fail(Symbol.IDENTIFIER);
                    }
                }
                case LBRACK -> v = subscript(v);
                case LPAREN -> v = new ExprNodes.Call(v, params());
                default -> {
                    return v;
                }
            }
        }
    }

    private AstNode subscript(AstNode base) throws ScanException, ParseException {
        consumeToken(Symbol.LBRACK);
        AstNode start = getToken().getSymbol() == Symbol.COLON ? null : expr(true);
        if (getToken().getSymbol() == Symbol.RBRACK) {
            consumeToken();
            return new ExprNodes.Item(base, start);
        }
        consumeToken(Symbol.COLON);
        AstNode stop = null;
        AstNode step = null;
        if (getToken().getSymbol() != Symbol.COLON && getToken().getSymbol() != Symbol.RBRACK) {
            stop = expr(true);
        }
        if (getToken().getSymbol() == Symbol.COLON) {
            consumeToken();
            if (getToken().getSymbol() != Symbol.RBRACK) {
                step = expr(true);
            }
        }
        consumeToken(Symbol.RBRACK);
        return new ExprNodes.Slice(base, start, stop, step);
    }

    @Override
    protected AstParameters params(Symbol left, Symbol right) throws ScanException, ParseException {
        consumeToken(left);
        List<AstNode> items = new ArrayList<>();
        while (getToken().getSymbol() != right) {
            if (getToken().getSymbol() == Symbol.MUL) {
                consumeToken();
                items.add(new ExprNodes.Splat(expr(true), false));
            } else if (getToken() == PowerOfOperator.TOKEN) {
                consumeToken();
                items.add(new ExprNodes.Splat(expr(true), true));
            } else if (getToken().getSymbol() == Symbol.IDENTIFIER && "=".equals(lookahead(0).getImage())) {
                // name=value: the value is a whole expression (a="b" ~ c), not only its first operand
                String name = getToken().getImage();
                consumeToken();
                consumeToken();
                items.add(new AstNamedParameter(new AstIdentifier(name, 0), expr(true)));
            } else {
                items.add(expr(true));
            }
            if (getToken().getSymbol() != Symbol.COMMA) {
                break;
            }
            consumeToken();
        }
        consumeToken(right);
        return createAstParameters(items);
    }

    @Override
    protected AstIdentifier createAstIdentifier(String name, int index) {
        if (name.equals(INTERPRETER) || name.startsWith(FILTER_PREFIX) || name.startsWith(EXPTEST_PREFIX)) {
            return super.createAstIdentifier(name, index);
        }
        return new ExprNodes.Name(name, index);
    }

    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        return new AstBinary(left, right, OpNodes.binary(OpNodes.nameOf(operator)));
    }

    /** Unary plus, which jinjava's grammar lacks ({@code +x} is x for a number). */
    @Override
    protected AstNode unary(boolean required) throws ScanException, ParseException {
        if (getToken().getSymbol() == Symbol.PLUS) {
            consumeToken();
            return new AstUnary(unary(true), OpNodes.POS);
        }
        return super.unary(required);
    }

    @Override
    protected AstUnary createAstUnary(AstNode child, AstUnary.Operator operator) {
        if (operator == AstUnary.NOT) {
            return new AstUnary(child, OpNodes.NOT);
        }
        if (operator == AstUnary.NEG) {
            return new AstUnary(child, OpNodes.NEG);
        }
        return super.createAstUnary(child, operator);
    }

    @Override
    protected AstDict createAstDict(Map<AstNode, AstNode> dict) {
        return new LiteralNodes.Dict(dict);
    }

    @Override
    protected AstList createAstList(AstParameters parameters) {
        return new LiteralNodes.ListLiteral(parameters);
    }

    @Override
    protected AstTuple createAstTuple(AstParameters parameters) {
        return new LiteralNodes.Tuple(parameters);
    }
}
