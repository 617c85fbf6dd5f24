package io.smelt.compiler.result;

import io.smelt.compiler.graph.FreshnessThreshold;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * What {@code source freshness} measured of one source: its newest row's load time and the engine's
 * time when it looked, both in UTC.
 *
 * @param maxLoadedAt {@code max(loaded_at_field)}; {@code 0001-01-01T00:00Z} when the source has no rows, as in dbt
 * @param snapshottedAt the engine's current timestamp
 * @param criteria the threshold the age was compared with
 */
public record SourceFreshness(Instant maxLoadedAt, Instant snapshottedAt, FreshnessThreshold criteria) {
    public SourceFreshness {
        requireNonNull(maxLoadedAt, "maxLoadedAt is null");
        requireNonNull(snapshottedAt, "snapshottedAt is null");
        requireNonNull(criteria, "criteria is null");
    }

    /** Seconds from the newest row to the snapshot, with sub-second precision (negative for rows in the future). */
    public double ageSeconds() {
        Duration age = Duration.between(maxLoadedAt, snapshottedAt);
        return age.getSeconds() + age.getNano() / 1e9;
    }
}
