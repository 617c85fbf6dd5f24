package io.smelt.compiler.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.result.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a previous invocation ran and with which flags, from its run_results.json: what {@code retry}
 * runs again, following dbt-core's {@code task/retry.py}.
 *
 * @param which the command, as {@code args.which} names it ({@code build}, {@code run-operation}, ...)
 * @param args the invocation's flags under dbt's names
 * @param statuses each result's status by unique id, in the file's order
 * @param file where it was read, for messages
 */
public record PreviousInvocation(String which, Map<String, Object> args, Map<String, String> statuses, Path file) {
    /** The commands retry runs again, as dbt's (its {@code clone} and {@code docs generate} Smelt does not have). */
    public static final List<String> RETRYABLE_COMMANDS = List.of("build", "run", "seed", "snapshot", "test", "compile", "clone", "run-operation");
    /** dbt's RETRYABLE_STATUSES; {@code warn} too when warnings are errors. */
    private static final Set<String> RETRYABLE_STATUSES = Set.of("error", "fail", "skipped", "runtime error", "partial success");
    private static final ObjectMapper JSON = new ObjectMapper();

    public PreviousInvocation {
        requireNonNull(which, "which is null");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /**
     * Reads {@code dir/run_results.json}.
     *
     * @param flag the option that named the folder, for messages; null for the project's target folder
     * @throws SmeltException when there is no such file, or it is not a run_results.json (exit 2)
     */
    public static PreviousInvocation read(Path dir, String flag) {
        Path file = dir.resolve("run_results.json");
        String where = flag == null ? "the target folder (" + dir + ")" : flag;
        if (!Files.isRegularFile(file)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "no previous run to retry: " + where + " has no run_results.json",
                    "run a command first (smelt build, run, seed, snapshot, test, compile or run-operation), or pass --state DIR, "
                            + "the folder of the run_results.json to retry");
        }
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        }
        catch (IOException e) {
            throw notRunResults(file, "it cannot be read as JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (json == null || !json.path("results").isArray() || !json.path("args").isObject()) {
            throw notRunResults(file, "it has no results and args");
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode result : json.path("results")) {
            statuses.put(result.path("unique_id").asText(), result.path("status").asText());
        }
        Map<String, Object> args = JSON.convertValue(json.path("args"), new TypeReference<LinkedHashMap<String, Object>>() { });
        return new PreviousInvocation(json.path("args").path("which").asText(""), args, statuses, file);
    }

    private static SmeltException notRunResults(Path file, String problem) {
        return new SmeltException(ErrorKind.COMMAND_LINE, null, file + " is not a run_results.json: " + problem,
                "give the folder of the run_results.json that smelt (or dbt) wrote");
    }

    /**
     * The command to run again.
     *
     * @throws SmeltException when it is not one retry runs (exit 2)
     */
    public Command command() {
        if (!RETRYABLE_COMMANDS.contains(which)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, file + " was written by '"
                    + (which.isEmpty() ? "an unknown command" : which) + "', which retry does not run again",
                    "retry runs again " + String.join(", ", RETRYABLE_COMMANDS));
        }
        return Command.valueOf(which.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /**
     * The unique ids to run again, in the file's order: those that errored, failed or were skipped (and,
     * when {@code warnError}, warned). A hook's result ({@code operation.}) is not run again, but for
     * run-operation, whose one result is the macro.
     */
    public List<String> toRetry(boolean warnError) {
        Set<String> ids = new LinkedHashSet<>();
        statuses.forEach((id, status) -> {
            boolean retryable = RETRYABLE_STATUSES.contains(status) || (warnError && status.equals("warn"));
            if (retryable && (which.equals("run-operation") || !id.startsWith("operation."))) {
                ids.add(id);
            }
        });
        return new ArrayList<>(ids);
    }

    /**
     * True when an {@code on-run-start} hook failed and so no node ran: there is nothing recorded to
     * retry, and the whole selection has yet to run.
     */
    public boolean stoppedBeforeAnyNode() {
        return !which.equals("run-operation") && statuses.keySet().stream().allMatch(id -> id.startsWith("operation."))
                && statuses.values().stream().anyMatch(RETRYABLE_STATUSES::contains);
    }

    /** An argument as a string, or null when absent. */
    public String string(String name) {
        Object value = args.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** An argument as a flag: true only when recorded as true. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(args.get(name));
    }

    /** An argument as a list of strings: a list, or one string split on whitespace, as dbt's multi-valued flags. */
    public List<String> list(String name) {
        Object value = args.get(name);
        List<String> words = new ArrayList<>();
        if (value instanceof List<?> items) {
            items.forEach(item -> words.add(String.valueOf(item)));
        } else if (value != null) {
            words.addAll(List.of(String.valueOf(value).trim().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        return words;
    }

    /** An argument as JSON text (which YAML reads), or null when absent. */
    public String json(String name) {
        Object value = args.get(name);
        if (value == null) {
            return null;
        }
        try {
            return value instanceof String text ? text : JSON.writeValueAsString(value);
        }
        catch (IOException e) {
            throw new IllegalStateException("args." + name + " of " + file, e);
        }
    }
}
