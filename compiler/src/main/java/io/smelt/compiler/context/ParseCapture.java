package io.smelt.compiler.context;

import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.SourceCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a parse-time render found: ref, source and config calls, in order. Used by one thread. */
public final class ParseCapture {
    final List<RefCall> refs = new ArrayList<>();
    final List<SourceCall> sources = new ArrayList<>();
    final Map<String, Object> config = new LinkedHashMap<>();
    final List<Map<String, Object>> configCalls = new ArrayList<>();

    public List<RefCall> refs() {
        return refs;
    }

    public List<SourceCall> sources() {
        return sources;
    }

    /** Every {@code config(...)} call's arguments, in order, for the caller to merge with dbt's rules. */
    public List<Map<String, Object>> configCalls() {
        return configCalls;
    }
}
