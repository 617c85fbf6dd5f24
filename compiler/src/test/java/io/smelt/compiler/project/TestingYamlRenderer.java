package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the compiler's Jinja renderer: {@code {{ env_var('X') }}}, {@code {{ env_var('X', 'd') }}}
 * and {@code {{ var('x') }}} only. Anything else fails, so a test notices a value that should have
 * stayed raw. Records every call.
 */
final class TestingYamlRenderer implements YamlRenderer {
    private static final Pattern CALL = Pattern.compile(
            "\\{\\{\\s*(env_var|var)\\(\\s*'([^']*)'\\s*(?:,\\s*'([^']*)'\\s*)?\\)\\s*}}");

    private final Map<String, String> environment;
    private final Map<String, Object> vars;
    final List<String> rendered = new ArrayList<>();

    TestingYamlRenderer(Map<String, String> environment, Map<String, Object> vars) {
        this.environment = environment;
        this.vars = vars;
    }

    TestingYamlRenderer(Map<String, String> environment) {
        this(environment, Map.of());
    }

    @Override
    public String render(String text, SourcePosition at) {
        rendered.add(text);
        Matcher matcher = CALL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String fallback = matcher.group(3);
            Object value = matcher.group(1).equals("env_var") ? environment.get(name) : vars.get(name);
            if (value == null) {
                value = fallback;
            }
            if (value == null) {
                throw new SmeltException(ErrorKind.JINJA, at, matcher.group(1) + " '" + name + "' is not set", null);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(out);
        String result = out.toString();
        if (result.contains("{{") || result.contains("{%")) {
            throw new IllegalStateException("test renderer cannot render " + text + " at " + at);
        }
        return result;
    }
}
