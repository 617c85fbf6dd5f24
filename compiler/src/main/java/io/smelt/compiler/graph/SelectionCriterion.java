package io.smelt.compiler.graph;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One selector atom such as {@code 2+tag:nightly+}, {@code @stg_orders} or
 * {@code config.materialized:table}: a method, its value and the graph operators around it.
 *
 * @param parentsDepth how many levels of parents {@code n+x} adds; 0 when there is no leading {@code +}
 * @param childrenDepth how many levels of children {@code x+n} adds; 0 when there is no trailing {@code +}
 * @param childrensParents {@code @x}: x, its descendants and all their ancestors
 * @param method the method, after defaulting ({@code path}, {@code file} or {@code fqn})
 * @param arguments the dotted arguments of the method ({@code materialized} in {@code config.materialized})
 */
public record SelectionCriterion(
        String raw,
        boolean childrensParents,
        int parentsDepth,
        int childrenDepth,
        String method,
        List<String> arguments,
        String value) {
    static final List<String> SUPPORTED_METHODS = List.of("fqn", "tag", "path", "file", "package", "resource_type",
            "source", "config.<key>", "test_name", "test_type", "access", "group", "version", "exposure");
    /** dbt methods for kinds of node Smelt never has: they select nothing. */
    static final List<String> EMPTY_METHODS = List.of("metric", "semantic_model", "saved_query", "unit_test");
    /** dbt methods that need state Smelt does not keep. */
    static final List<String> UNSUPPORTED_METHODS = List.of("wildcard");
    /** Methods that compare with a previous run's artifacts ({@code --state}); see {@link SelectorMethod}. */
    static final List<String> STATE_METHODS = List.of("state", "result", "source_status");

    private static final Pattern SYNTAX = Pattern.compile(
            "\\A(?<at>@)?(?:(?<parents>\\d*)\\+)?(?:(?<method>[\\w.]+):)?(?<value>.*?)(?:\\+(?<children>\\d*))?\\z");

    static SelectionCriterion parse(String raw) {
        Matcher m = SYNTAX.matcher(raw);
        if (!m.matches()) {
            throw malformed(raw, "cannot be parsed");
        }
        boolean at = m.group("at") != null;
        String parents = m.group("parents");
        String children = m.group("children");
        String value = m.group("value");
        if (at && parents != null) {
            throw malformed(raw, "uses both '@' and a leading '+'; '@' already includes ancestors");
        }
        if (at && children != null) {
            throw malformed(raw, "uses both '@' and a trailing '+'; '@' already includes descendants");
        }
        if (value.isEmpty()) {
            throw malformed(raw, "names nothing");
        }
        if (value.indexOf('+') >= 0 || value.indexOf('@') >= 0) {
            throw malformed(raw, "has a graph operator in the wrong place; write [@][n+]method:value[+n]");
        }
        String method;
        List<String> arguments;
        String methodText = m.group("method");
        if (methodText == null) {
            method = defaultMethod(value);
            arguments = List.of();
        } else {
            String[] parts = methodText.split("\\.", -1);
            method = parts[0].toLowerCase(Locale.ROOT);
            arguments = List.copyOf(Arrays.asList(parts).subList(1, parts.length));
            checkMethod(raw, method, arguments);
        }
        return new SelectionCriterion(raw, at, depth(raw, parents), depth(raw, children), method, arguments, value);
    }

    private static int depth(String raw, String digits) {
        if (digits == null) {
            return 0;
        }
        if (digits.isEmpty()) {
            return DependencyGraph.UNLIMITED;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw malformed(raw, "has a depth that is too large");
        }
    }

    /** dbt's default: a path when the value has a path separator, a file name when it has an extension, else fqn. */
    private static String defaultMethod(String value) {
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            return "path";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
            return "file";
        }
        return "fqn";
    }

    private static void checkMethod(String raw, String method, List<String> arguments) {
        if (UNSUPPORTED_METHODS.contains(method)) {
            throw new SmeltException(ErrorKind.SELECTOR, null,
                    "selector '" + raw + "' uses the method '" + method + "', which Smelt does not support", methodsHint());
        }
        boolean known = EMPTY_METHODS.contains(method) || STATE_METHODS.contains(method)
                || SUPPORTED_METHODS.contains(method) || method.equals("config");
        if (!known) {
            throw new SmeltException(ErrorKind.SELECTOR, null,
                    "selector '" + raw + "' uses an unknown method '" + method + "'", methodsHint());
        }
        if (method.equals("config")) {
            if (arguments.isEmpty() || arguments.stream().anyMatch(String::isEmpty)) {
                throw new SmeltException(ErrorKind.SELECTOR, null,
                        "selector '" + raw + "' must name a config key, as in config.materialized:table", methodsHint());
            }
        } else if (!arguments.isEmpty()) {
            throw new SmeltException(ErrorKind.SELECTOR, null,
                    "selector '" + raw + "': the method '" + method + "' takes no dotted arguments", methodsHint());
        }
    }

    private static SmeltException malformed(String raw, String problem) {
        return new SmeltException(ErrorKind.SELECTOR, null, "selector '" + raw + "' " + problem, methodsHint());
    }

    static String methodsHint() {
        return "write [@][n+]method:value[+n]; supported methods: " + String.join(", ", SUPPORTED_METHODS)
                + "; without a method a value is a path, a file name or a node name/fqn (wildcards * ? [..] allowed)";
    }
}
