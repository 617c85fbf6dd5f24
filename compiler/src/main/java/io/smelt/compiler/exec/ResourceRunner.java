package io.smelt.compiler.exec;

import io.smelt.compiler.result.NodeResult;

/**
 * Runs the nodes of one resource type (model, seed, snapshot, data test, unit test): compiles a node,
 * executes it on the engine and says what happened, as dbt's {@code ModelRunner}, {@code SeedRunner}
 * and {@code TestRunner} do. {@code NodeRunner} picks one by resource type.
 */
interface ResourceRunner {
    /** A failure the node itself causes may be thrown; {@code NodeRunner} makes it an error result. */
    NodeResult run(NodeRun run);
}
