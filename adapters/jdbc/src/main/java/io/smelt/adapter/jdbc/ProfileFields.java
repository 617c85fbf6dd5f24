package io.smelt.adapter.jdbc;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.TargetConfig;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads a target's profile fields with the errors every engine gives: each names the field and what
 * was expected, shows the value given with any secret in it masked, and adds a hint where one helps.
 */
public final class ProfileFields {
    // a host name or an IPv6 address in brackets: no scheme, port or path
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");

    private final TargetConfig target;

    public ProfileFields(TargetConfig target) {
        this.target = requireNonNull(target, "target is null");
    }

    public TargetConfig target() {
        return target;
    }

    /** The raw value of a field, or null. */
    public Object raw(String key) {
        return target.fields().get(key);
    }

    /**
     * The field as trimmed text, or {@code defaultValue} when it is not set.
     *
     * @throws AdapterConfigException if it is a map or a list
     */
    public String text(String key, String defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Map || value instanceof Iterable) {
            throw new AdapterConfigException("profile field '" + key + "' must be a single value");
        }
        return String.valueOf(value).trim();
    }

    /** The field's value as written ({@code String.valueOf}, not trimmed), or {@code defaultValue} when it is not set. */
    public String string(String key, String defaultValue) {
        Object value = raw(key);
        return value == null ? defaultValue : String.valueOf(value);
    }

    /** @throws AdapterConfigException naming the field, with {@code hint} (or none when null), when it is missing or empty */
    public String required(String key, String hint) {
        String value = text(key, null);
        if (value == null || value.isEmpty()) {
            throw new AdapterConfigException("profile field '" + key + "' is missing", hint);
        }
        return value;
    }

    /**
     * The server's host: required, and a host name or address without scheme, port or path.
     *
     * @param missingHint the hint when it is missing, or null
     * @param formatHint the hint when it holds more than a host
     */
    public String host(String missingHint, String formatHint) {
        String host = required("host", missingHint);
        if (!HOST.matcher(host).matches()) {
            throw new AdapterConfigException("profile field 'host' must be a host name or address without scheme, port or path, got '"
                    + shown(host) + "'", formatHint);
        }
        return host;
    }

    /** The {@code port} field, {@code defaultValue} when it is not set. */
    public int port(int defaultValue) {
        int port = integer("port", defaultValue);
        if (port < 1 || port > 65535) {
            throw new AdapterConfigException("profile field 'port' must be between 1 and 65535, got " + port);
        }
        return port;
    }

    /** The {@code threads} field, 1 when it is not set. */
    public int threads() {
        return atLeast("threads", 1, 1, "");
    }

    /**
     * A whole number of at least {@code min}.
     *
     * @param unit what the number counts, for the message (such as {@code " (seconds)"}), or empty
     */
    public int atLeast(String key, int defaultValue, int min, String unit) {
        int value = integer(key, defaultValue);
        if (value < min) {
            throw new AdapterConfigException("profile field '" + key + "' must "
                    + (min == 0 ? "not be negative" : "be at least " + min + unit) + ", got " + value);
        }
        return value;
    }

    /** The field as a whole number, or {@code defaultValue} when it is not set. */
    public int integer(String key, int defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        }
        catch (NumberFormatException e) {
            throw new AdapterConfigException("profile field '" + key + "' must be a whole number, got '" + shown(value.toString()) + "'");
        }
    }

    /**
     * The field as a boolean ({@code true}/{@code yes}/{@code 1} or {@code false}/{@code no}/{@code
     * 0}, in any case), or {@code defaultValue} when it is not set.
     */
    public boolean bool(String key, boolean defaultValue) {
        return bool(raw(key), key, defaultValue);
    }

    /**
     * Reads a boolean value (also one nested in a map or list field) as {@link #bool(String, boolean)} does.
     *
     * @param field the field's name for the error message, such as {@code attach.read_only}
     */
    public static boolean bool(Object value, String field, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (String.valueOf(value).trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new AdapterConfigException("profile field '" + field + "' must be true or false");
        };
    }

    /**
     * A map of names to values that the engine sets on each connection, such as Trino's {@code
     * session_properties}, in the order written.
     *
     * @param names what the keys are, for the messages, such as {@code property names}
     * @param name the form a key must have, since keys are spliced into statements
     * @param keyNoun a key in the singular, such as {@code property name}
     * @param keyHint the hint when a key has the wrong form
     */
    public Map<String, String> settings(String key, String names, Pattern name, String keyNoun, String keyHint) {
        Object value = raw(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new AdapterConfigException("profile field '" + key + "' must be a map of " + names + " to values");
        }
        map.forEach((item, setting) -> {
            String text = String.valueOf(item).trim();
            if (!name.matcher(text).matches()) {
                throw new AdapterConfigException("profile field '" + key + "' has a key that is not a " + keyNoun + ": '" + shown(text) + "'",
                        keyHint);
            }
            if (setting == null) {
                throw new AdapterConfigException("profile field '" + key + "." + text + "' has no value");
            }
            result.put(text, String.valueOf(setting));
        });
        return result;
    }

    /** The fields not in {@code known}, in order, with secret values masked: kept for {@code debug} and otherwise ignored. */
    public Map<String, Object> unknown(Set<String> known) {
        Map<String, Object> unknown = new LinkedHashMap<>();
        target.fields().forEach((key, value) -> {
            if (!known.contains(key)) {
                unknown.put(key, target.isSecret(value) ? "****" : value);
            }
        });
        return unknown;
    }

    /** {@code text} with every secret in it masked, fit for a message. */
    public String shown(String text) {
        return target.masked(text);
    }
}
