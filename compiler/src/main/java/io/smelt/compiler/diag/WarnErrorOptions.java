package io.smelt.compiler.diag;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --warn-error} and {@code --warn-error-options}: which warnings become errors and which are
 * not shown, by dbt's event names. The warnings Smelt raises under those names are {@link
 * #TEST_RESULT} (a test with severity warn that found rows), {@link #NO_NODES} (a selector that
 * matches nothing), {@link #JINJA_WARNING} ({@code exceptions.warn} in a template) and the contract
 * constraint warnings {@link #CONSTRAINT_WARNINGS}.
 *
 * @param errorAll every warning is an error ({@code --warn-error}, or {@code error: all})
 * @param error the warnings that are errors
 * @param warn the warnings that stay warnings even when the others are errors
 * @param silence the warnings not shown at all
 */
public record WarnErrorOptions(boolean errorAll, Set<String> error, Set<String> warn, Set<String> silence) {
    public static final String TEST_RESULT = "LogTestResult";
    public static final String NO_NODES = "NoNodesForSelectionCriteria";
    public static final String JINJA_WARNING = "JinjaLogWarning";
    /** A contract constraint the engine does not enforce, cannot write, or a view does not get. */
    public static final List<String> CONSTRAINT_WARNINGS = List.of("ConstraintNotEnforced", "ConstraintNotSupported",
            "UnsupportedConstraintMaterialization");
    public static final WarnErrorOptions NONE = new WarnErrorOptions(false, Set.of(), Set.of(), Set.of());
    private static final Set<String> KEYS = Set.of("error", "include", "warn", "exclude", "silence");

    public WarnErrorOptions {
        error = Set.copyOf(error);
        warn = Set.copyOf(warn);
        silence = Set.copyOf(silence);
    }

    /** True when the warning of that name is to be raised as an error. */
    public boolean includes(String eventName) {
        return (errorAll || error.contains(eventName)) && !warn.contains(eventName);
    }

    /** True when the warning of that name is not to be shown. */
    public boolean silenced(String eventName) {
        return silence.contains(eventName) && !includes(eventName);
    }

    /**
     * From the flags: {@code --warn-error}, and {@code --warn-error-options} as YAML or JSON
     * ({@code {"error": "all", "warn": ["NoNodesForSelectionCriteria"], "silence": [...]}}; dbt's
     * older {@code include}/{@code exclude} are read as {@code error}/{@code warn}).
     */
    public static WarnErrorOptions of(boolean warnError, String options) {
        if (options == null || options.isBlank()) {
            return warnError ? new WarnErrorOptions(true, Set.of(), Set.of(), Set.of()) : NONE;
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(options);
        }
        catch (RuntimeException e) {
            throw bad("is not YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw bad("must be a mapping such as '{\"error\": \"all\", \"warn\": [\"NoNodesForSelectionCriteria\"]}'");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw bad("has '" + key + "', which is not one of error, warn, silence (or dbt's older include, exclude)");
            }
        }
        if ((map.containsKey("error") && map.containsKey("include")) || (map.containsKey("warn") && map.containsKey("exclude"))) {
            throw bad("gives both error and include, or both warn and exclude; use error and warn");
        }
        Object errors = map.containsKey("error") ? map.get("error") : map.get("include");
        boolean all = warnError || isAll(errors);
        return new WarnErrorOptions(all, isAll(errors) ? Set.of() : names(errors, "error"),
                names(map.containsKey("warn") ? map.get("warn") : map.get("exclude"), "warn"), names(map.get("silence"), "silence"));
    }

    private static boolean isAll(Object value) {
        return value instanceof String s && (s.equalsIgnoreCase("all") || s.equals("*"));
    }

    private static Set<String> names(Object value, String key) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof Collection<?> list)) {
            throw bad("'" + key + "' must be a list of warning names" + (key.equals("error") ? " or 'all'" : ""));
        }
        Set<String> names = new LinkedHashSet<>();
        list.forEach(item -> names.add(String.valueOf(item)));
        return names;
    }

    private static SmeltException bad(String what) {
        List<String> known = new ArrayList<>(List.of(TEST_RESULT, NO_NODES, JINJA_WARNING));
        known.addAll(CONSTRAINT_WARNINGS);
        return new SmeltException(ErrorKind.COMMAND_LINE, null, "--warn-error-options " + what,
                "the warnings Smelt names are " + String.join(", ", known));
    }
}
