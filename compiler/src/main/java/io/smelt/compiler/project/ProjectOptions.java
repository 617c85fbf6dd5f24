package io.smelt.compiler.project;

import java.nio.file.Path;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where the project and profile are and the global flags that shape how they are read.
 *
 * @param projectDir the folder holding dbt_project.yml
 * @param profilesDir {@code --profiles-dir}, or null to search as dbt does
 * @param profile {@code --profile}, or null for the project's own
 * @param target {@code --target}, or null for the profile's default
 * @param varsYaml {@code --vars} as YAML text, or null
 * @param threads {@code --threads}, or null for the profile's
 * @param environment the process environment (tests pass their own)
 * @param invocationId the id artifacts and logs share, or null for a fresh one
 */
public record ProjectOptions(
        Path projectDir,
        Path profilesDir,
        String profile,
        String target,
        String varsYaml,
        Integer threads,
        Map<String, String> environment,
        String invocationId) {
    public ProjectOptions {
        requireNonNull(projectDir, "projectDir is null");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        invocationId = invocationId == null ? java.util.UUID.randomUUID().toString() : invocationId;
    }

    public ProjectOptions(Path projectDir, Path profilesDir, String profile, String target, String varsYaml, Integer threads,
            Map<String, String> environment) {
        this(projectDir, profilesDir, profile, target, varsYaml, threads, environment, null);
    }

    public static ProjectOptions of(Path projectDir) {
        return new ProjectOptions(projectDir, null, null, null, null, null, System.getenv());
    }
}
