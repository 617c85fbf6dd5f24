package io.smelt.cli;

import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.analysis.ColumnType;
import io.smelt.compiler.catalog.CatalogGenerator;
import io.smelt.compiler.check.ProjectAnalysis;
import io.smelt.compiler.docs.DocsSite;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.state.StateOptions;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code smelt docs generate}: compiles the project (unless {@code --no-compile}), writes
 * target/manifest.json, target/catalog.json and the docs site, target/index.html with its assets.
 */
@picocli.CommandLine.Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compiles the project and writes target/manifest.json, target/catalog.json and the docs site "
                + "(target/index.html and target/smelt-docs/), which needs no network when opened."})
final class DocsGenerateCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    StateFlags stateFlags = new StateFlags();

    @Option(names = "--compile", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compile the selected nodes first, for the compiled SQL the site shows (default); "
                    + "--no-compile only parses.")
    boolean compile;

    @Option(names = "--static", description = "Write the site as one self-contained index.html, to mail or attach.")
    boolean singleFile;

    @Option(names = "--empty-catalog", description = "Do not read the warehouse's catalog; catalog.json lists no relations.")
    boolean emptyCatalog;

    private Selection selected;
    private int catalogErrors;

    @Override
    protected int execute() {
        Selection selected = compile ? selection.toSelection(Set.of(), context(), root().indirectSelection) : Selection.all();
        StateOptions state = stateFlags.toOptions(context());
        this.selected = selected;
        int code = run(projectOptions(), state, new Invocation(compile ? Command.COMPILE : Command.PARSE, selected, false, false,
                null, options().warnErrors(), false, false, null), null);
        // as dbt's docs generate: a database whose catalog could not be read fails the command
        return code == ExitCodes.OK && catalogErrors > 0 ? ExitCodes.FAILED : code;
    }

    @Override
    protected boolean reportsEachNode() {
        return false;
    }

    @Override
    protected void afterRun(Workspace workspace, RunSummary summary) {
        Path target = workspace.targetPath();
        writeCatalog(workspace, target);
        DocsSite.Written site = DocsSite.write(target, singleFile, analysedTypes(workspace));
        reporter().message(RunListener.Level.INFO, String.format(Locale.ROOT, "Docs site written to %s (%,d nodes, %.1f MB)",
                display(workspace.projectDir(), site.index()), site.nodes(), site.bytes() / 1e6));
    }

    /**
     * Writes target/catalog.json: the relations' columns, types and stats as the warehouse describes
     * them, for the selected nodes ({@code --select}), or none with {@code --empty-catalog}.
     */
    private void writeCatalog(Workspace workspace, Path target) {
        Set<String> ids = selection.select().isEmpty() && selection.exclude().isEmpty() && selection.selector == null
                ? null
                : workspace.select(selected, RunListener.NONE).stream().map(Node::uniqueId).collect(Collectors.toSet());
        CatalogGenerator.Result result = workspace.writeCatalog(ids, emptyCatalog, target, reporter());
        catalogErrors = result.errors().size();
        reporter().message(RunListener.Level.INFO, String.format(Locale.ROOT, "Catalog written to %s (%,d nodes, %,d sources%s)",
                display(workspace.projectDir(), result.file()), result.nodes(), result.sources(),
                result.missing().isEmpty() ? "" : "; " + result.missing().size() + " not built yet"));
    }

    /** The columns the SQL analysis inferred, by unique id: the site's types where neither YAML nor catalog has one. */
    private static Map<String, Map<String, String>> analysedTypes(Workspace workspace) {
        ProjectAnalysis.Result result = workspace.analyseSql();
        Map<String, Map<String, String>> types = new HashMap<>();
        if (result == null) {
            return types;
        }
        for (Map.Entry<String, Analysis> entry : result.byNode().entrySet()) {
            if (entry.getValue().columns() == null) {
                continue;
            }
            Map<String, String> columns = new LinkedHashMap<>();
            for (ColumnType column : entry.getValue().columns()) {
                // ANY is the analysis's "not known"
                if (!column.type().equals("ANY")) {
                    columns.put(column.name(), column.type());
                }
            }
            types.put(entry.getKey(), columns);
        }
        return types;
    }
}
