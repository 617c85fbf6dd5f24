package io.smelt.cli;

import io.smelt.compiler.graph.NameSuggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the first word of a command line that looks like an option its command does not have, and
 * the hint for it: the closest option the command has, or why a dbt option is refused.
 */
final class UnknownOptions {
    private static final Pattern NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

    private UnknownOptions() {
    }

    /** The unknown option as typed (without {@code =value}) and the command it was given to, or null. */
    record Unknown(String option, CommandSpec command) {
        String hint() {
            SortedSet<String> commands = new TreeSet<>();
            command.subcommands().values().stream().map(CommandLine::getCommandSpec).filter(sub -> known(sub, option))
                    .forEach(sub -> commands.add(sub.name()));
            if (!commands.isEmpty()) {
                return "it is an option of " + String.join(", ", commands) + ": write it after the command, as in '"
                        + command.qualifiedName() + " " + commands.first() + " " + option + " ...'";
            }
            String closest = NameSuggestions.hint(option, names(command));
            return closest != null ? closest : "'" + command.qualifiedName() + " --help' lists the options";
        }
    }

    static Unknown find(CommandLine root, String[] args) {
        CommandSpec command = root.getCommandSpec();
        int values = 0;  // words still to read as the value of the option before them
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (values > 0 && !(arg.startsWith("-") && arg.length() > 1 && !NUMBER.matcher(arg).matches())) {
                values--;
                continue;
            }
            values = 0;
            CommandLine sub = command.subcommands().get(arg);
            if (sub != null) {
                command = sub.getCommandSpec();
                continue;
            }
            if (!arg.startsWith("-") || arg.length() < 2 || NUMBER.matcher(arg).matches() || arg.chars().anyMatch(Character::isWhitespace)) {
                continue;
            }
            String name = arg.startsWith("--") ? arg.split("=", 2)[0] : arg.substring(0, 2);
            if (!known(command, name)) {
                return new Unknown(name, command);
            }
            OptionSpec option = command.findOption(name);
            if (option != null && !arg.contains("=") && arg.length() == name.length()) {
                values = option.arity().min();
            }
        }
        return null;
    }

    private static boolean known(CommandSpec command, String name) {
        return command.findOption(name) != null || command.negatedOptionsMap().containsKey(name);
    }

    private static List<String> names(CommandSpec command) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (!option.hidden()) {
                names.add(option.longestName());
            }
        }
        return names;
    }
}
