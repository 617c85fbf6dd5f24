package io.smelt.compiler.workspace;

import io.smelt.compiler.load.ProjectLoading;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.result.RunListener;
import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.Session;
import io.smelt.adapter.TargetConfig;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.project.ProfileLoader;
import io.smelt.compiler.project.ProfileResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@code debug} and {@code clean}: the commands that must work on a project too broken to load. */
public final class Diagnostics {
    private Diagnostics() {
    }

    static DebugReport debug(ProjectOptions options, List<AdapterFactory> factories) {
        List<DebugReport.Check> checks = new ArrayList<>();
        ProjectLoading.Files0 files;
        try {
            files = ProjectLoading.readProject(options);
            checks.add(new DebugReport.Check("project", true, "dbt_project.yml of '" + files.root().name() + "' at "
                    + files.root().projectDir()));
        }
        catch (RuntimeException e) {
            checks.add(new DebugReport.Check("project", false, describe(e)));
            return new DebugReport(checks);
        }
        List<String> messages = new ArrayList<>();
        TargetConfig target;
        ProfileResult profile;
        try {
            profile = ProfileLoader.load(options, files.root(), files.renderer());
            target = ProjectLoading.target(profile, files.root(), factories, new RunListener() {
                @Override
                public void message(Level level, String text) {
                    messages.add(text);
                }
            });
            String detail = target.profileImplicit() ? String.join("; ", messages)
                    : "profile '" + target.profileName() + "', target '" + target.targetName() + "', type " + target.type();
            checks.add(new DebugReport.Check("profile", true, detail));
        }
        catch (RuntimeException e) {
            checks.add(new DebugReport.Check("profile", false, describe(e)));
            return new DebugReport(checks);
        }
        try (Adapter adapter = ProjectLoading.createAdapter(profile, target, factories)) {
            checks.add(new DebugReport.Check("engine", true, adapter.type() + " " + adapter.describe()));
            try (Session session = adapter.openSession()) {
                session.listRelations(adapter.defaultDatabase(), adapter.defaultSchema());
                checks.add(new DebugReport.Check("connection", true, "connection ok"));
            }
            catch (RuntimeException e) {
                checks.add(new DebugReport.Check("connection", false, describe(e)));
            }
        }
        catch (RuntimeException e) {
            checks.add(new DebugReport.Check("engine", false, describe(e)));
        }
        return new DebugReport(checks);
    }

    static List<Path> clean(ProjectOptions options) {
        DbtProject root = ProjectLoading.readProject(options).root();
        Path projectDir = root.projectDir().toAbsolutePath().normalize();
        List<String> targets = root.cleanTargets().isEmpty() ? List.of(root.targetPath()) : root.cleanTargets();
        List<Path> paths = new ArrayList<>();
        for (String target : targets) {
            Path path = projectDir.resolve(target).normalize();
            if (!path.startsWith(projectDir) || path.equals(projectDir)) {
                throw new SmeltException(ErrorKind.PROJECT, root.positionOf("clean-targets"),
                        "clean-targets entry '" + target + "' is outside the project folder; refusing to delete it",
                        "list only folders inside the project, such as target or dbt_packages");
            }
            paths.add(path);
        }
        // Every entry is checked before anything is deleted.
        List<Path> deleted = new ArrayList<>();
        for (Path path : paths) {
            if (Files.exists(path)) {
                deleteTree(path);
                deleted.add(projectDir.relativize(path));
            }
        }
        return deleted;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof SmeltException smelt) {
            return String.join("\n", smelt.diagnostics().stream().map(d -> d.format()).toList());
        }
        return e.getMessage();
    }
}
