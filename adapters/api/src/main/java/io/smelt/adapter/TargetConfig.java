package io.smelt.adapter;

import java.nio.file.Path;
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
            throw new AdapterConfigException("profile field '" + key + "' must be a whole number, got '" + value + "'");
        }
    }
}
