package io.smelt.compiler.materialize;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.compiler.contract.ConstraintWarnings;
import io.smelt.compiler.contract.ContractComparison;
import io.smelt.compiler.contract.ModelContract;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.result.RunListener;

import java.util.List;

/**
 * A model with an enforced contract: its SQL's columns are asked of the engine (dbt's empty subquery)
 * and compared with the declared ones before anything is written, and its table is created from the
 * declared columns and the constraints the engine can write ({@code create_contracted_table}), then
 * filled. Where the engine has no transactions the table is built beside the old one and swapped in,
 * so a row that breaks a constraint leaves the old table as it was.
 */
final class ContractBuild {
    private final LoadedProject project;

    ContractBuild(LoadedProject project) {
        this.project = project;
    }

    /** Fails the node when the model's SQL does not return the declared columns and types; warns about constraints. */
    void check(Steps steps) {
        Node node = steps.compiled().node();
        ModelContract contract = ModelContract.of(node);
        warn(node, contract);
        Adapter adapter = project.adapter();
        Object header = node.config().get("sql_header");
        String sql = String.valueOf(header == null ? steps.call("get_empty_subquery_sql", steps.compiled().sql())
                : steps.call("get_empty_subquery_sql", steps.compiled().sql(), header));
        List<Column> returned;
        try {
            returned = steps.scope().session().queryColumns(sql);
        }
        catch (EngineException e) {
            throw CompiledSqlError.map(e, sql, steps.compiled().sql());
        }
        List<ContractComparison.Breach> breaches = ContractComparison.compare(contract.declared(), returned, adapter::contractTypeMatches);
        if (!breaches.isEmpty()) {
            throw new SmeltException(ErrorKind.CONTRACT, where(node, contract, breaches.get(0).column()),
                    ContractComparison.message(node.name(), breaches),
                    "make the model return the declared columns (cast them to the declared types), or change the contract's"
                            + " columns in " + (node.patchPath() == null ? "its properties file" : node.patchPath().toString()));
        }
    }

    /** Replaces the target with a table of the declared columns and constraints holding the model's rows. */
    long replaceTable(Steps steps, Relation target) {
        String sql = steps.compiled().sql();
        if (project.adapter().capabilities().transactions()) {
            steps.relations().dropIfExists(target);
            return steps.relations().createContractedTable(target, sql);
        }
        Relation building = target.withIdentifier(target.identifier() + "__dbt_tmp");
        steps.relations().dropIfExists(building);
        long rows;
        try {
            rows = steps.relations().createContractedTable(building, sql);
        }
        catch (RuntimeException e) {
            steps.dropQuietly(building);
            throw e;
        }
        steps.swapIn(building, target);
        return rows;
    }

    private void warn(Node node, ModelContract contract) {
        for (ConstraintWarnings.Warning warning : ConstraintWarnings.of(contract, project.adapter(), node.config().materialized())) {
            if (project.warnErrors().includes(warning.event())) {
                throw new SmeltException(ErrorKind.CONTRACT, node.definedAt(), node.name() + ": " + warning.message(),
                        "--warn-error makes " + warning.event() + " an error");
            }
            if (!project.warnErrors().silenced(warning.event())) {
                project.listener().message(RunListener.Level.WARN, node.name() + ": " + warning.message());
            }
        }
    }

    /** The declared column's line when the breach names one, else the model's file. */
    private static SourcePosition where(Node node, ModelContract contract, String column) {
        for (ColumnInfo declared : contract.columns()) {
            if (declared.name().equalsIgnoreCase(column) && declared.at() != null) {
                return declared.at();
            }
        }
        return node.definedAt();
    }
}
