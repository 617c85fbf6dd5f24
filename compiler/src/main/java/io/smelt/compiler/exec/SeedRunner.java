package io.smelt.compiler.exec;

import io.smelt.adapter.SeedFile;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.Materializer;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** Loads a seed's CSV file into its table, with the column types its config gives. */
record SeedRunner(RunnerContext context) implements ResourceRunner {
    @Override
    public NodeResult run(NodeRun run) {
        LoadedProject project = context.project();
        Node node = run.node();
        NodeConfig config = node.config();
        Map<String, String> columnTypes = new LinkedHashMap<>();
        if (config.get("column_types") instanceof Map<?, ?> types) {
            types.forEach((column, type) -> columnTypes.put(String.valueOf(column), project.adapter().mapType(String.valueOf(type))));
        }
        SeedFile seed = new SeedFile(project.seedFile(node), config.string("delimiter", ","), columnTypes,
                // dbt's default (BaseAdapter.quote_seed_column), kept by dbt-duckdb, dbt-trino and dbt-spark
                config.bool("quote_columns", true));
        DbtContext dbt = DbtContext.forExecution(project, node, run.scope());
        Materializer.Outcome outcome = context.materializer().seed(node, dbt, run.scope(), seed);
        return context.results().finished(run, NodeStatus.SUCCESS, outcome.message(), 0, null,
                NodeResults.response(outcome.message(), outcome.rowsAffected()));
    }
}
