package io.smelt.compiler.graph;

import static java.util.Objects.requireNonNull;

/**
 * A {@code ref()} found while parsing.
 *
 * @param packageName the first argument of a two-argument ref, else null
 * @param version the {@code version=} argument, else null
 * @param line 1-based line of the call in the node's file, 0 when unknown
 */
public record RefCall(String packageName, String name, String version, int line) {
    public RefCall {
        requireNonNull(name, "name is null");
    }
}
