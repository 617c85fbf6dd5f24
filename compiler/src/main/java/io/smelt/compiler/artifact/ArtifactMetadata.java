package io.smelt.compiler.artifact;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The {@code metadata} block every artifact starts with.
 *
 * @param dbtVersion the dbt version Smelt's artifacts are compatible with; artifact schemas allow no
 *     extra field, so Smelt's own version cannot be recorded beside it
 * @param invocationId one UUID per command, shared by all artifacts it writes
 * @param invocationStartedAt when the command started, or null
 * @param generatedAt when the artifact was written
 * @param env dbt's {@code DBT_ENV_CUSTOM_ENV_*} variables, prefix removed
 */
public record ArtifactMetadata(
        String dbtVersion,
        String invocationId,
        Instant invocationStartedAt,
        Instant generatedAt,
        Map<String, String> env) {
    /** The dbt release whose artifact schemas (manifest v12, run_results v6) Smelt writes. */
    public static final String DBT_VERSION = "1.10.0";

    private static final String CUSTOM_ENV_PREFIX = "DBT_ENV_CUSTOM_ENV_";

    public ArtifactMetadata {
        requireNonNull(dbtVersion, "dbtVersion is null");
        requireNonNull(invocationId, "invocationId is null");
        requireNonNull(generatedAt, "generatedAt is null");
        env = env == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(env));
    }

    /** Metadata for a command that started at {@code startedAt}, taking custom env vars from {@code environment}. */
    public static ArtifactMetadata of(String invocationId, Instant startedAt, Map<String, String> environment) {
        Map<String, String> custom = new TreeMap<>();
        environment.forEach((key, value) -> {
            if (key.startsWith(CUSTOM_ENV_PREFIX) && key.length() > CUSTOM_ENV_PREFIX.length()) {
                custom.put(key.substring(CUSTOM_ENV_PREFIX.length()), value);
            }
        });
        return new ArtifactMetadata(DBT_VERSION, invocationId, startedAt, Instant.now(), custom);
    }

    /** Metadata with a fresh invocation id, started now, without custom env vars. */
    public static ArtifactMetadata now() {
        Instant now = Instant.now();
        return new ArtifactMetadata(DBT_VERSION, UUID.randomUUID().toString(), now, now, Map.of());
    }

    /** The same metadata stamped with a new {@code generatedAt}. */
    public ArtifactMetadata generatedAt(Instant when) {
        return new ArtifactMetadata(dbtVersion, invocationId, invocationStartedAt, when, env);
    }
}
