package io.smelt.cli;

import io.smelt.adapter.EngineException;
import io.smelt.cli.output.Reporter;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.workspace.Workspace;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code smelt run-operation MACRO --args '{yaml}'}: calls one macro, as dbt does. */
@picocli.CommandLine.Command(name = "run-operation", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Calls a macro with arguments.")
final class RunOperationCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "MACRO", description = "The macro to call, optionally as package.macro.")
    String macro;

    @Option(names = "--args", paramLabel = "YAML", description = "The macro's arguments as a YAML mapping, e.g. '{days: 7}'.")
    String args;

    @Override
    protected int execute() {
        return call(this, projectOptions(), macro, arguments());
    }

    /** Calls the macro as {@code command} (run-operation, or retry running it again), printing what it returns. */
    static int call(BaseCommand command, ProjectOptions options, String macro, Map<String, Object> arguments) {
        Reporter reporter = command.reporter();
        reporter.header(Version.current());
        try (Workspace workspace = Workspace.load(options, reporter)) {
            Object returned;
            try {
                returned = workspace.runOperation(macro, arguments, reporter);
            }
            catch (RuntimeException e) {
                EngineException engine = OperationFailedException.engineCause(e);
                if (engine == null) {
                    throw e;
                }
                throw new OperationFailedException("Encountered an error while running operation " + macro + ": "
                        + engine.getMessage(), e);
            }
            if (returned != null && !returned.toString().isBlank()) {
                reporter.note(returned.toString().strip());
            }
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> arguments() {
        if (args == null || args.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(args);
        }
        catch (YAMLException e) {
            throw new ParameterException(spec.commandLine(), "--args is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ParameterException(spec.commandLine(), "--args must be a YAML mapping, such as '{days: 7}', but was: " + args);
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        map.forEach((key, value) -> arguments.put(String.valueOf(key), value));
        return arguments;
    }
}
