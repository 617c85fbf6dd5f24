package io.smelt.cli;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code smelt init NAME}: a starter project that builds as it is. It has no profile, so it runs on
 * the embedded engine; the README and dbt_project.yml say how to point it elsewhere.
 */
@picocli.CommandLine.Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates a starter project in a new folder NAME under the current folder.")
final class InitCommand extends BaseCommand {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String STARTER = "starter/";

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_NAME",
            description = "The project's name: letters, digits and underscores, not starting with a digit.")
    String name;

    @Override
    protected int execute() throws IOException {
        String project = name != null ? name : ask();
        if (!NAME.matcher(project).matches()) {
            throw new ParameterException(spec.commandLine(),
                    "'" + project + "' is not a valid project name: use letters, digits and underscores, not starting with a digit");
        }
        Path folder = context().resolve(Path.of(project));
        if (Files.exists(folder)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "folder " + folder + " already exists; nothing was written",
                    "choose another name, or remove the folder");
        }
        for (String[] entry : entries()) {
            Path target = folder.resolve(entry[1]);
            Files.createDirectories(target.getParent());
            String text = read(STARTER + entry[0]).replace("@project_name@", project);
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
        reporter().note("Your new Smelt project \"" + project + "\" was created in " + folder + ".");
        reporter().note("Try it:  cd " + project + " && smelt build");
        return ExitCodes.OK;
    }

    private String ask() {
        if (!context().terminal() || System.console() == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'PROJECT_NAME'");
        }
        String answer = System.console().readLine("Name of the new project: ");
        if (answer == null || answer.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'PROJECT_NAME'");
        }
        return answer.trim();
    }

    private static List<String[]> entries() throws IOException {
        List<String[]> entries = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(STARTER + "files.txt"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    entries.add(trimmed.split("\\s+", 2));
                }
            }
        }
        return entries;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = InitCommand.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("starter resource missing: " + resource));
        }
        return in;
    }
}
