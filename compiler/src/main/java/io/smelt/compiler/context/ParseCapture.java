package io.smelt.compiler.context;

import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.SourceCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a parse-time render found: ref, source and config calls, in order. Used by one thread. */
public final class ParseCapture {
    final List<RefCall> refs = new ArrayList<>();
    final List<SourceCall> sources = new ArrayList<>();
    final Map<String, Object> config = new LinkedHashMap<>();
    final List<Map<String, Object>> configCalls = new ArrayList<>();
    final List<SmeltException> missingVars = new ArrayList<>();
    final Set<String> vars = new TreeSet<>();
    final Map<String, String> envVars = new TreeMap<>();

    /** A capture as a render found it before, for a node whose parse is reused from the partial-parse cache. */
    public static ParseCapture of(List<RefCall> refs, List<SourceCall> sources, List<Map<String, Object>> configCalls,
            Set<String> vars) {
        ParseCapture capture = new ParseCapture();
        capture.refs.addAll(refs);
        capture.sources.addAll(sources);
        capture.configCalls.addAll(configCalls);
        configCalls.forEach(capture.config::putAll);
        capture.vars.addAll(vars);
        return capture;
    }

    /** The environment variables the render read ({@code env_var()}), with their values (null when unset). */
    public Map<String, String> envVars() {
        return envVars;
    }

    /** The names of the vars the render read, directly or through the macros it called. */
    public Set<String> vars() {
        return vars;
    }

    public List<RefCall> refs() {
        return refs;
    }

    public List<SourceCall> sources() {
        return sources;
    }

    /**
     * The errors of {@code var()} calls without a default for a var defined nowhere: parsing goes on
     * with none, as in dbt, and they count only if the node is enabled.
     */
    public List<SmeltException> missingVars() {
        return missingVars;
    }

    /** Every {@code config(...)} call's arguments, in order, for the caller to merge with dbt's rules. */
    public List<Map<String, Object>> configCalls() {
        return configCalls;
    }
}
