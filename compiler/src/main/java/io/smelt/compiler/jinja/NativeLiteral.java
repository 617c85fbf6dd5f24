package io.smelt.compiler.jinja;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * dbt's {@code as_native}, {@code as_bool} and {@code as_number} in native rendering: the printed
 * value goes through Python's {@code literal_eval} ({@code "10"} is 10, {@code "True"} is true,
 * {@code "[1, 2]"} a list), and text that is no literal stays text; {@code as_bool} and
 * {@code as_number} insist on a boolean or a number.
 */
final class NativeLiteral {
    private static final Pattern QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern CONSTANTS = Pattern.compile("\\b(True|False|None)\\b");
    private static final Pattern LITERAL_CHARS = Pattern.compile("[\\s\\d.,:+\\-eE\\[\\](){}]*");

    private NativeLiteral() {
    }

    static Object convert(JinjaEngine engine, String filter, Object value) {
        String text = PyStr.str(value);
        Object result = literal(engine, text.strip());
        if (result == null && !text.strip().equals("None")) {
            result = text;
        }
        if (filter.equals("as_bool") && !(result instanceof Boolean)) {
            throw new SmeltException(ErrorKind.JINJA, null, "Could not convert value '" + text + "' into type 'bool'", null);
        }
        if (filter.equals("as_number") && !(result instanceof Number)) {
            throw new SmeltException(ErrorKind.JINJA, null, "Could not convert value '" + text + "' into type 'number'", null);
        }
        return result;
    }

    /** The value of a Python literal, or null when the text is none. */
    private static Object literal(JinjaEngine engine, String text) {
        String bare = CONSTANTS.matcher(QUOTED.matcher(text).replaceAll("")).replaceAll("");
        if (text.isEmpty() || text.contains("}}") || !LITERAL_CHARS.matcher(bare).matches()) {
            return null;
        }
        try {
            return engine.renderNative("{{ " + text + " }}", Map.of());
        }
        catch (SmeltException e) {
            return null;
        }
    }
}
