package io.smelt.adapter;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One rendered profile target.
 *
 * @param profileName the profile's name in profiles.yml
 * @param targetName the chosen target
 * @param fields every field of the target after {@code env_var()} rendering
 * @param secretValues values that came from secrets (passwords, tokens, env vars marked secret); an
 *     adapter must never put these in a message
 * @param projectDir the project's root folder, for resolving relative paths
 * @param targetPath the project's target folder ({@code target/} by default)
 * @param profileImplicit true when no profile existed and Smelt made a default one
 */
public record TargetConfig(
        String profileName,
        String targetName,
        Map<String, Object> fields,
        Set<String> secretValues,
        Path projectDir,
        Path targetPath,
        boolean profileImplicit) {
    public TargetConfig {
        requireNonNull(profileName, "profileName is null");
        requireNonNull(targetName, "targetName is null");
        fields = Map.copyOf(fields);
        secretValues = Set.copyOf(secretValues);
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(targetPath, "targetPath is null");
    }

    public String type() {
        return String.valueOf(fields.get("type"));
    }

    public String string(String key, String defaultValue) {
        Object value = fields.get(key);
        return value == null ? defaultValue : String.valueOf(value);
    }

    public int integer(String key, int defaultValue) {
        Object value = fields.get(key);
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
            throw new AdapterConfigException("profile field '" + key + "' must be a whole number, got '" + masked(value.toString()) + "'");
        }
    }

    /**
     * The field {@code key} as a boolean ({@code true}/{@code yes}/{@code 1} or {@code
     * false}/{@code no}/{@code 0}, in any case), or {@code defaultValue} when it is not set.
     *
     * @throws AdapterConfigException if the field holds anything else
     */
    public boolean bool(String key, boolean defaultValue) {
        return bool(fields.get(key), key, defaultValue);
    }

    /**
     * Reads a boolean profile value (also one nested in a map or list field) as {@link #bool(String,
     * boolean)} does.
     *
     * @param value the value, or null when it is not set
     * @param field the field's name for the error message, such as {@code attach.read_only}
     * @param defaultValue what an unset value means
     * @throws AdapterConfigException if the value is not a boolean
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

    /** True when {@code value}, as text, is one of the {@link #secretValues()}. */
    public boolean isSecret(Object value) {
        return value != null && secretValues.contains(String.valueOf(value));
    }

    /** {@code text} with every secret value in it replaced by {@code ****}, fit for a message. */
    public String masked(String text) {
        String shown = text;
        for (String secret : secretValues) {
            if (!secret.isEmpty()) {
                shown = shown.replace(secret, "****");
            }
        }
        return shown;
    }
}
