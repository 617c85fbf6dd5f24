package io.smelt.compiler.project;

import io.smelt.adapter.TargetConfig;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** What {@link ProfileLoader} found: a target from profiles.yml, or no profile at all. */
public sealed interface ProfileResult {
    /**
     * The chosen target of a profile in profiles.yml.
     *
     * @param profilesFile the profiles.yml that was read
     */
    record Found(TargetConfig target, Path profilesFile) implements ProfileResult {
        public Found {
            requireNonNull(target, "target is null");
            requireNonNull(profilesFile, "profilesFile is null");
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
