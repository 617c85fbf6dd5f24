package io.smelt.compiler.context;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Relation;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.state.Deferral;

import java.util.List;
import java.util.Map;

/** What the dbt context needs from a loaded project. Implemented by the workspace. */
public interface ContextHost {
    JinjaEngine engine();

    Adapter adapter();

    String rootPackage();

    /** The {@code target} object templates see: profile fields without secrets. */
    Map<String, Object> target();

    /**
     * {@code var(name)} as seen from a package.
     *
     * @throws io.smelt.compiler.diag.SmeltException when the var is not defined and no default was given
     */
    Object var(String packageName, String name);

    /** True when {@code var(name)} has a value for the package. */
    boolean hasVar(String packageName, String name);

    /** The environment variable's value, or null when unset. */
    String envVar(String name);

    /**
     * The node a ref names, by the linker's rules ({@link io.smelt.compiler.graph.RefResolver}); null
     * when it is missing or disabled.
     *
     * @throws io.smelt.compiler.diag.SmeltException when several packages define the name
     */
    Node resolveRef(Node from, String packageName, String name, String version);

    /** As {@link #resolveRef}, for a source. */
    Node resolveSource(Node from, String sourceName, String tableName);

    /** Where a node's relation lives, with its type when the engine has it. */
    Relation relationOf(Node node);

    /** Every node by unique id (the {@code graph} context variable), built once. */
    Map<String, Object> graph();

    /** Unique ids of the nodes this invocation selected. */
    List<String> selectedResources();

    /** Whether this invocation selected the node. */
    default boolean selected(String uniqueId) {
        return selectedResources().contains(uniqueId);
    }

    /** The comparison run's relations that {@code --defer} and {@code clone} read. */
    default Deferral deferral() {
        return Deferral.NONE;
    }

    /** {@code flags} as templates see them. */
    Map<String, Object> flags();

    String invocationId();

    String runStartedAt();

    RunListener listener();

    /**
     * Every loaded project by name, the root first: dbt's {@code RuntimeConfig.dependencies}, which
     * {@code builtins.ref.config} exposes.
     */
    default Map<String, io.smelt.compiler.project.DbtProject> projects() {
        return Map.of();
    }

    /** {@code --vars} as given on the command line. */
    default Map<String, Object> cliVars() {
        return Map.of();
    }

    /** Which warnings the current command raises as errors or does not show. */
    default io.smelt.compiler.diag.WarnErrorOptions warnErrors() {
        return io.smelt.compiler.diag.WarnErrorOptions.NONE;
    }
}
