package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.MissingEndTagException;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTagException;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SourcePosition;
import jinjava.de.odysseus.el.tree.IdentifierNode;
import jinjava.de.odysseus.el.tree.Tree;
import jinjava.de.odysseus.el.tree.TreeBuilderException;
import jinjava.de.odysseus.el.tree.impl.Builder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a template with jinjava and then parses every expression in it, so that syntax errors,
 * unknown filters and unknown tests show when the file is loaded rather than when a line first runs.
 */
final class TemplateLoader {
    private static final Builder EXPRESSIONS =
            new PySyntaxBuilder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    /** A parsed template, or the problems that stopped it. */
    record Parsed(Node root, List<Diagnostic> problems) {
    }

    private final DbtJinjava jinjava;
    private final Path file;
    private final List<Diagnostic> problems = new ArrayList<>();
    private DbtInterpreter interpreter;

    private TemplateLoader(DbtJinjava jinjava, Path file) {
        this.jinjava = jinjava;
        this.file = file;
    }

    static Parsed parse(DbtJinjava jinjava, Path file, String text) {
        return new TemplateLoader(jinjava, file).run(text);
    }

    private Parsed run(String text) {
        String source = NestedBraces.separate(text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        interpreter = new DbtInterpreter(jinjava, new Scope(jinjava.sharedScope()), jinjava.getGlobalConfig(), null);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Node root = interpreter.parse(source);
            for (TemplateError error : interpreter.getErrorsCopy()) {
                if (isProblem(error)) {
                    add(error.getLineno(), message(error));
                }
            }
            if (problems.isEmpty()) {
                check(root.getChildren());
            }
            return new Parsed(root, List.copyOf(problems));
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    private static boolean isProblem(TemplateError error) {
        return error.getSeverity() == TemplateError.ErrorType.FATAL
                || error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR;
    }

    private static String message(TemplateError error) {
        if (error.getException() instanceof MissingEndTagException e) {
            String tag = e.getEndTag().startsWith("end") ? e.getEndTag().substring(3) : e.getEndTag();
            String expected = switch (tag) {
                case "if" -> "'elif' or 'else' or 'endif'";
                case "for" -> "'else' or 'endfor'";
                default -> "'" + e.getEndTag() + "'";
            };
            return "Unexpected end of template. Jinja was looking for the following tags: " + expected
                    + ". The innermost block that needs to be closed is '" + tag + "'.";
        }
        if (error.getException() instanceof UnknownTagException e) {
            return "Encountered unknown tag '" + e.getTag() + "'.";
        }
        if ("Missing start tag".equals(error.getMessage())) {
            return "Encountered unknown tag '" + error.getFieldName() + "'.";
        }
        if ("Unclosed comment".equals(error.getMessage())) {
            return "unexpected end of template: a '{#' comment is not closed with '#}'";
        }
        if ("Unclosed token".equals(error.getMessage())) {
            return "unexpected end of template: a '{{' is not closed with '}}' (or a '{%' with '%}')";
        }
        return error.getMessage();
    }

    private void add(int line, String message) {
        problems.add(Diagnostic.of(ErrorKind.JINJA, SourcePosition.of(file, Math.max(line, 0)), message));
    }

    private void check(List<Node> nodes) {
        for (Node node : nodes) {
            int line = node.getLineNumber();
            try {
                if (node instanceof ExpressionNode) {
                    expression(((ExpressionToken) node.getMaster()).getExpr(), line, "print statement");
                } else if (node instanceof TagNode tag) {
                    tag(tag, line);
                }
            } catch (PyException e) {
                add(line, e.getMessage());
            }
            check(node.getChildren());
        }
    }

    private void tag(TagNode tag, int line) {
        String helpers = tag.getName().equals("set") ? tag.getHelpers() : TagText.helpers(tag);
        switch (tag.getName()) {
            case "if", "elif", "print" -> expression(helpers, line, "statement block");
            case "do" -> {
                if (!helpers.isBlank()) {
                    expression(helpers, line, "statement block");
                }
            }
            case "for" -> {
                ForLoopTag.Parts parts = ForLoopTag.Parts.of(helpers);
                expression(parts.iterable(), line, "statement block");
                if (parts.condition() != null) {
                    expression(parts.condition(), line, "statement block");
                }
            }
            case "set" -> {
                int eq = TagText.indexOfAssign(helpers);
                if (eq >= 0) {
                    String rhs = helpers.substring(eq + 1);
                    expression(TagText.split(rhs, ',').size() > 1 ? "(" + rhs + ")" : rhs, line, "statement block");
                } else if (helpers.contains("|")) {
                    expression("x " + helpers.substring(helpers.indexOf('|')), line, "statement block");
                }
            }
            case "filter" -> expression("x | " + helpers, line, "statement block");
            case "with" -> {
                for (String a : TagText.split(helpers, ',')) {
                    int eq = TagText.indexOfAssign(a);
                    if (eq >= 0) {
                        expression(a.substring(eq + 1), line, "statement block");
                    }
                }
            }
            case "call" -> {
                CallBlockTag.Parts parts = CallBlockTag.Parts.of(helpers);
                expression(parts.callee(), line, "statement block");
                expression("f" + parts.args(), line, "statement block");
            }
            case "macro", "test", "materialization" -> {
                for (MacroDef.Param p : MacroDef.of(tag).params()) {
                    if (p.defaultExpr() != null) {
                        expression(p.defaultExpr(), line, "statement block");
                    }
                }
            }
            default -> {
            }
        }
    }

    private void expression(String expr, int line, String where) {
        if (expr.isBlank()) {
            add(line, "Expected an expression, got 'end of " + where + "'");
            return;
        }
        Tree tree;
        try {
            tree = EXPRESSIONS.build("#{" + expr + "}");
        } catch (TreeBuilderException e) {
            String found = e.getEncountered();
            boolean end = found == null || found.contains("EOF") || found.contains("end of");
            add(line, end ? "unexpected 'end of " + where + "'" : "unexpected " + found);
            return;
        }
        for (IdentifierNode id : tree.getIdentifierNodes()) {
            String name = id.getName();
            if (name.startsWith("filter:") && interpreter.getContext().getFilter(name.substring(7)) == null) {
                add(line, "No filter named '" + name.substring(7) + "'.");
            } else if (name.startsWith("exptest:") && interpreter.getContext().getExpTest(name.substring(8)) == null) {
                add(line, "No test named '" + name.substring(8) + "'.");
            }
        }
    }
}
