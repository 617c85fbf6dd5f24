package io.smelt.compiler.context;

import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.SourceCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a parse-time render found: ref, source and config calls, in order. Used by one thread. */
public final class ParseCapture {
    final List<RefCall> refs = new ArrayList<>();
    final List<SourceCall> sources = new ArrayList<>();
    final Map<String, Object> config = new LinkedHashMap<>();
    final List<Map<String, Object>> configCalls = new ArrayList<>();
    final List<SmeltException> missingVars = new ArrayList<>();
    final Set<String> vars = new TreeSet<>();

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
