package io.smelt.adapter;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One rendered profile target. Engines read its fields with the JDBC toolkit's {@code ProfileFields}.
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

    /** The profile's {@code type}, which picks the engine. */
    public String type() {
        return String.valueOf(fields.get("type"));
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
