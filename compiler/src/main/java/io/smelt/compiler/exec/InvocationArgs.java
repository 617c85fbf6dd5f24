package io.smelt.compiler.exec;

import io.smelt.compiler.diag.WarnErrorOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code args} of run_results.json: the flags of the invocation under dbt's names, enough for
 * {@code retry} to run the same command again with the same flags.
 */
final class InvocationArgs {
    private InvocationArgs() {
    }

    /** @param recorded the flags the command does not carry itself ({@code target}, {@code vars}, {@code state}, ...) */
    static Map<String, Object> of(Invocation invocation, Map<String, Object> recorded) {
        Map<String, Object> args = new LinkedHashMap<>(recorded);
        args.put("select", invocation.selection().select());
        args.put("exclude", invocation.selection().exclude());
        if (invocation.selection().selector() != null) {
            args.put("selector", invocation.selection().selector());
        }
        args.put("full_refresh", invocation.fullRefresh());
        args.put("fail_fast", invocation.failFast());
        if (invocation.storeFailures()) {
            args.put("store_failures", true);
        }
        if (invocation.empty()) {
            args.put("empty", true);
        }
        if (invocation.eventTime().start() != null) {
            args.put("event_time_start", invocation.eventTime().start().toString());
        }
        if (invocation.eventTime().end() != null) {
            args.put("event_time_end", invocation.eventTime().end().toString());
        }
        args.putAll(warnErrors(invocation.warnErrors()));
        return args;
    }

    /** {@code warn_error: true} for a bare {@code --warn-error}, else {@code warn_error_options} as dbt writes them. */
    static Map<String, Object> warnErrors(WarnErrorOptions options) {
        if (options.equals(WarnErrorOptions.NONE)) {
            return Map.of();
        }
        if (options.errorAll() && options.error().isEmpty() && options.warn().isEmpty() && options.silence().isEmpty()) {
            return Map.of("warn_error", true);
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("error", options.errorAll() ? "all" : sorted(options.error()));
        dict.put("warn", sorted(options.warn()));
        dict.put("silence", sorted(options.silence()));
        return Map.of("warn_error_options", dict);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
