package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.SelectionCriterion;
import io.smelt.compiler.graph.SelectorMethod;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * {@code source_status:fresher}, as dbt's {@code SourceStatusSelectorMethod}: the sources whose newest
 * load ({@code max_loaded_at}) in this project's {@code target/sources.json} is later than in the
 * {@code --state} folder's, or that the state's file does not have. A source whose check failed in
 * either file is not selected.
 */
public final class SourceStatusMethod implements SelectorMethod {
    private final PreviousRun previous;
    private final Path current;

    /**
     * @param previous the {@code --state} run
     * @param current this project's latest {@code sources.json} ({@code target/sources.json})
     */
    public SourceStatusMethod(PreviousRun previous, Path current) {
        this.previous = requireNonNull(previous, "previous is null");
        this.current = requireNonNull(current, "current is null");
    }

    @Override
    public Predicate<Node> matcher(SelectionCriterion criterion) {
        if (!criterion.value().equals("fresher")) {
            throw new SmeltException(ErrorKind.SELECTOR, null, "selector '" + criterion.raw() + "': source_status has no '"
                    + criterion.value() + "'", "write source_status:fresher (sources loaded since the --state run's source freshness)");
        }
        Map<String, Instant> before = new HashMap<>();
        Map<String, Instant> now = new HashMap<>();
        Set<String> failed = new HashSet<>();
        read(previous.sources(), previous.dir().resolve("sources.json"), before, failed);
        read(currentSources(), current, now, failed);
        Set<String> fresher = new HashSet<>();
        now.forEach((uniqueId, loadedAt) -> {
            Instant was = before.get(uniqueId);
            if (!failed.contains(uniqueId) && (was == null || loadedAt.isAfter(was))) {
                fresher.add(uniqueId);
            }
        });
        return node -> fresher.contains(node.uniqueId());
    }

    private JsonNode currentSources() {
        return PreviousRun.readObject(current, "source_status:fresher needs " + current + ", which does not exist",
                "run 'smelt source freshness' first: source_status:fresher compares its target/sources.json with the --state folder's");
    }

    /** Each result's {@code max_loaded_at} by unique id; a result without one (a runtime error) goes to {@code failed}. */
    private static void read(JsonNode sources, Path file, Map<String, Instant> loadedAt, Set<String> failed) {
        for (JsonNode result : sources.path("results")) {
            String uniqueId = result.path("unique_id").asText(null);
            if (uniqueId == null) {
                continue;
            }
            JsonNode value = result.get("max_loaded_at");
            if (value == null || value.isNull()) {
                failed.add(uniqueId);
                continue;
            }
            loadedAt.put(uniqueId, instant(value.asText(), file, uniqueId));
        }
    }

    /** dbt writes {@code 2024-05-01T10:00:00+00:00}; a time without an offset is UTC, as dbt takes it. */
    static Instant instant(String text, Path file, String uniqueId) {
        String iso = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        }
        catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            }
            catch (DateTimeParseException again) {
                throw new SmeltException(ErrorKind.COMMAND_LINE, null, file + ": max_loaded_at of " + uniqueId + " is '" + text
                        + "', not a timestamp", "give a sources.json written by 'smelt source freshness' or 'dbt source freshness'");
            }
        }
    }
}
