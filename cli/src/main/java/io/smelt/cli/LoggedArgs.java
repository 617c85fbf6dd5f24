package io.smelt.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The flags of this invocation as dbt's {@code MainReportArgs} lists them: names without dashes
 * ({@code log_format}), values as Python prints them ({@code True}, {@code None}), plus {@code which}
 * and {@code invocation_command}.
 */
final class LoggedArgs {
    private LoggedArgs() {
    }

    static Map<String, String> of(CommandSpec spec) {
        Map<String, String> args = new TreeMap<>();
        ParseResult root = spec.root().commandLine().getParseResult();
        for (ParseResult part = root; part != null; part = part.subcommand()) {
            for (OptionSpec option : part.matchedOptions()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                    args.put(option.longestName().replaceFirst("^-+", "").replace('-', '_'), python(option.getValue()));
                }
            }
        }
        args.put("which", spec.name());
        if (root != null) {
            args.put("invocation_command", "smelt " + String.join(" ", root.originalArgs()));
        }
        return args;
    }

    private static String python(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> "'" + item + "'").collect(Collectors.joining(", ", "[", "]"));
        }
        return value.toString();
    }
}
