package io.smelt.compiler.context;

import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The context members that depend on why a template renders, as dbt's providers supply them
 * ({@code core/dbt/context/providers.py}): {@link ParseProvider} while parsing, {@link RuntimeProvider}
 * when running a node, with {@link OperationProvider}, {@link BatchProvider} and {@link UnitTestProvider}
 * for hooks and operations, one batch of a microbatch model and a unit test's model. {@link DbtContext}
 * adds the members every mode shares.
 */
sealed interface Provider permits ParseProvider, RuntimeProvider {
    /** dbt's {@code execute}: false while parsing, when nothing may touch the engine. */
    boolean executing();

    /** What {@code ref()} returns once its arguments are checked. */
    RelationObject ref(String packageName, String name, String version);

    /** What {@code source()} returns once its arguments are checked. */
    RelationObject source(String sourceName, String tableName);

    /** The {@code config} object: where {@code config(...)} calls go and what {@code config.get} reads. */
    ConfigCall config(NodeConfig config);

    /** Notes that the render read a var, so a change of its value can mark the node modified; only parsing keeps it. */
    default void varRead(String name) {
    }

    /** What {@code var()} gives for a var defined nowhere and called without a default. */
    Object undefinedVar(SmeltException missing);

    boolean isIncremental();

    boolean shouldFullRefresh();

    /** Runs SQL a template asked for ({@code run_query}, {@code statement}); empty while parsing, when nothing runs. */
    Optional<QueryResult> run(String sql, boolean fetch);

    /** The relation as the engine has it now, when the render may ask the engine. */
    Relation current(Relation relation);

    /** The {@code adapter} object. */
    AdapterObject adapter(DbtContext context);

    /** Ephemeral models the render referenced, in the order first seen. */
    Set<Node> ephemerals();

    /** What {@code config(...)} calls set while rendering at execution time. */
    Map<String, Object> executionConfig();

    /** The batch of a microbatch model this render builds. */
    default Optional<BatchWindow> batch() {
        return Optional.empty();
    }

    /** Vars that take the place of the project's ({@code var()}). */
    default Map<String, Object> vars() {
        return Map.of();
    }

    /** Told of each {@code env_var()} the template read, and what it found (null when unset). */
    default void envVarRead(String name, String value) {
    }

    /** Environment variables that take the place of the process's ({@code env_var()}). */
    default Map<String, String> envVars() {
        return Map.of();
    }

    /** Replaces members after {@code builtins} took its copy, as a unit test's overrides do. */
    default void override(Map<String, Object> members) {
    }
}
