package io.smelt.compiler.parse;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyword arguments of a node's {@code config(...)} calls as written, unrendered, as dbt's
 * {@code statically_parse_unrendered_config} records them: a literal as its value, any other
 * expression ({@code env_var('X')}, {@code 'a' if target.name == 'prod' else 'b'}) as its text, so that
 * comparing two versions of a file compares what the file says, not what one environment rendered.
 */
final class ConfigCallText {
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])config\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern KEYWORD = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*=(?!=)(.*)", Pattern.DOTALL);

    private ConfigCallText() {
    }

    /** The merged keyword arguments of every {@code config(...)} call inside Jinja tags; empty when there is none. */
    static Map<String, Object> of(String code) {
        Map<String, Object> config = new LinkedHashMap<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            if (!insideJinja(code, m.start())) {
                continue;
            }
            int end = closingParen(code, m.end());
            if (end < 0) {
                break;
            }
            for (String argument : splitTopLevel(code.substring(m.end(), end))) {
                Matcher kw = KEYWORD.matcher(argument);
                if (kw.matches()) {
                    config.put(kw.group(1), value(kw.group(2).strip()));
                }
            }
        }
        return config;
    }

    private static boolean insideJinja(String code, int at) {
        int open = Math.max(code.lastIndexOf("{{", at), code.lastIndexOf("{%", at));
        int close = Math.max(code.lastIndexOf("}}", at), code.lastIndexOf("%}", at));
        return open >= 0 && open > close;
    }

    private static int closingParen(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfLiteral(code, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String arguments) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfLiteral(arguments, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(arguments.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(arguments.substring(start));
        return parts;
    }

    /** The index of the quote that closes the string literal opening at {@code start}. */
    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length();
    }

    /** A literal (string, number, boolean, none, list or dict of literals) as its value; anything else as its text. */
    private static Object value(String expression) {
        if (isLiteral(expression)) {
            try {
                Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load(expression.replaceAll("\\bNone\\b|\\bnone\\b", "null"));
                if (!(value instanceof String) || expression.startsWith("'") || expression.startsWith("\"")) {
                    return value;
                }
            } catch (RuntimeException e) {
                // not a literal YAML reads the same way: keep the text
            }
        }
        return expression.replaceAll("\\s+", " ");
    }

    private static boolean isLiteral(String expression) {
        StringBuilder outsideQuotes = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfLiteral(expression, i);
                outsideQuotes.append(' ');
            } else {
                outsideQuotes.append(c);
            }
        }
        Matcher names = IDENTIFIER.matcher(outsideQuotes);
        while (names.find()) {
            if (!names.group().matches("true|false|True|False|none|None")) {
                return false;
            }
        }
        return !outsideQuotes.toString().contains("~") && !outsideQuotes.toString().matches(".*[+*/%<>!|-].*[0-9a-z].*");
    }
}
