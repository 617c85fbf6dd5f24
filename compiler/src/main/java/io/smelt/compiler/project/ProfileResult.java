package io.smelt.compiler.project;

import io.smelt.adapter.TargetConfig;
import io.smelt.compiler.diag.SourcePosition;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** What {@link ProfileLoader} found: a target from profiles.yml, or no profile at all. */
public sealed interface ProfileResult {
    /**
     * The chosen target of a profile in profiles.yml.
     *
     * @param profilesFile the profiles.yml that was read
     */
    record Found(TargetConfig target, Path profilesFile, SourcePosition targetAt, Map<String, SourcePosition> fieldsAt)
            implements ProfileResult {
        private static final Pattern FIELD = Pattern.compile("profile fields? '([A-Za-z0-9_]+)");

        /**
         * @param targetAt where the target's name is in profiles.yml
         * @param fieldsAt where each of the target's top-level fields is
         */
        public Found {
            requireNonNull(target, "target is null");
            requireNonNull(profilesFile, "profilesFile is null");
            requireNonNull(targetAt, "targetAt is null");
            fieldsAt = Map.copyOf(fieldsAt);
        }

        /** The line of the field an engine's message names ({@code profile field 'port' ...}), else of the target. */
        public SourcePosition positionFor(String message) {
            Matcher field = FIELD.matcher(message == null ? "" : message);
            return field.find() ? fieldsAt.getOrDefault(field.group(1), targetAt) : targetAt;
        }
    }

    /**
     * No profiles.yml was found, or it has no profile of this name: the caller builds a default target.
     *
     * @param profileName the profile the project asked for (the project's name when it names none)
     * @param targetName {@code --target}, else {@code dev}
     * @param reason why no profile was used, for {@code smelt debug} and logs
     * @param searched the profiles.yml files looked for, in order
     * @param threads {@code --threads}, or null
     * @param secretValues values of {@code DBT_ENV_SECRET_*} variables
     */
    record Implicit(
            String profileName,
            String targetName,
            String reason,
            List<Path> searched,
            Integer threads,
            Set<String> secretValues,
            Path projectDir,
            Path targetPath) implements ProfileResult {
        public Implicit {
            requireNonNull(profileName, "profileName is null");
            requireNonNull(targetName, "targetName is null");
            requireNonNull(reason, "reason is null");
            searched = List.copyOf(searched);
            secretValues = Set.copyOf(secretValues);
            requireNonNull(projectDir, "projectDir is null");
            requireNonNull(targetPath, "targetPath is null");
        }

        /** A target with the given fields (the caller picks {@code type}), marked implicit, with {@code --threads} applied. */
        public TargetConfig toTargetConfig(Map<String, Object> fields) {
            Map<String, Object> all = new LinkedHashMap<>(fields);
            if (threads != null) {
                all.put("threads", threads);
            }
            Set<String> secrets = new HashSet<>(secretValues);
            secrets.addAll(ProfileLoader.secretFieldValues(all));
            return new TargetConfig(profileName, targetName, all, secrets, projectDir, targetPath, true);
        }
    }
}
