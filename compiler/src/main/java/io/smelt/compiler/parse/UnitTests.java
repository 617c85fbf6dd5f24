package io.smelt.compiler.parse;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.RefResolver;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.UnitTestSpec;
import io.smelt.compiler.project.ConfigResolver;
import io.smelt.compiler.project.DbtProject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Unit test nodes from one package's properties files, and the check that each input is one its model reads. */
final class UnitTests {
    private final ConfigResolver rules;

    UnitTests(ConfigResolver rules) {
        this.rules = rules;
    }

    List<Node> build(ProjectFiles files, Properties props, java.util.function.Function<Path, Path> display) {
        DbtProject project = files.project();
        String pkg = project.name();
        List<Node> nodes = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Properties.UnitTest test : props.unitTests()) {
            String testName = test.spec().name();
            UnitTestSpec spec = test.spec().withFixtures(fixture -> fixture.file() == null ? fixture
                    : readFixture(files, testName, fixture, problems));
            List<String> fqn = new ArrayList<>();
            fqn.add(pkg);
            Path parent = test.file().getParent();
            if (parent != null && parent.getNameCount() > 1) {
                parent.subpath(1, parent.getNameCount()).forEach(part -> fqn.add(part.toString()));
            }
            fqn.add(spec.model());
            SourcePosition at = spec.at() == null ? SourcePosition.of(display.apply(test.file())) : spec.at();
            List<String> versions = versionsOf(props, spec.model());
            if (versions.isEmpty()) {
                nodes.add(node(pkg, spec, spec.name(), fqn, null, test.file(), at));
            }
            // as dbt: one unit test per version of a versioned model (those its versions: include / exclude keep)
            for (String v : versions) {
                if (spec.testsVersion(v)) {
                    nodes.add(node(pkg, spec, spec.name() + "_v" + v, fqn, v, test.file(), at));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SmeltException(problems);
        }
        return nodes;
    }

    private Node node(String pkg, UnitTestSpec spec, String name, List<String> modelFqn, String version, Path file, SourcePosition at) {
        List<String> fqn = new ArrayList<>(modelFqn);
        fqn.add(name);
        Map<String, Object> config = rules.resolve("unit_tests", pkg, fqn, spec.config(), null);
        return new Node("unit_test." + pkg + "." + spec.model() + "." + name, ResourceType.UNIT_TEST, pkg,
                name, file, null, fqn, "", new NodeConfig(config), spec.description(), null,
                List.of(new RefCall(null, spec.model(), version, at.line())), null, null, null, null, null, null, null, at,
                null, spec);
    }

    private static List<String> versionsOf(Properties props, String model) {
        List<String> versions = new ArrayList<>();
        for (Properties.Patch patch : props.patches("models")) {
            if (patch.version() != null && patch.name().equals(model)) {
                versions.add(patch.version().v());
            }
        }
        return versions;
    }

    /** A {@code fixture:} name's file: {@code <name>.csv} or {@code <name>.sql} in a fixtures folder of the test paths. */
    private static UnitTestSpec.Fixture readFixture(ProjectFiles files, String testName, UnitTestSpec.Fixture fixture,
            List<Diagnostic> problems) {
        String wanted = fixture.file() + "." + fixture.format();
        List<ProjectFiles.Found> found = files.fixtures().stream()
                .filter(f -> f.path().getFileName().toString().equals(wanted)).toList();
        if (found.size() != 1) {
            List<String> known = files.fixtures().stream().map(f -> f.path().toString()).toList();
            String message = found.isEmpty()
                    ? "unit test '" + testName + "': no fixture file " + wanted + " in a fixtures folder of the test paths "
                            + files.project().testPaths()
                    : "unit test '" + testName + "': fixture " + wanted + " is in more than one place: "
                            + found.stream().map(f -> f.path().toString()).toList();
            String hint = found.isEmpty()
                    ? (known.isEmpty() ? "put it at tests/fixtures/" + wanted : "fixture files found: " + String.join(", ", known))
                    : "give each fixture file a name of its own";
            problems.add(new Diagnostic(ErrorKind.PROJECT, fixture.at(), message, hint));
            return fixture;
        }
        try {
            return fixture.withFileText(Files.readString(files.project().projectDir().resolve(found.get(0).path())));
        }
        catch (IOException e) {
            problems.add(new Diagnostic(ErrorKind.PROJECT, fixture.at(), "unit test '" + testName + "': cannot read "
                    + found.get(0).path() + ": " + e.getMessage(), null));
            return fixture;
        }
    }

    /**
     * Each given must be a ref or source the tested model calls, or {@code this} for an incremental
     * model. A unit test whose model does not exist or is disabled is left to the graph linker.
     */
    static List<Diagnostic> check(List<Node> nodes, String rootPackage) {
        List<Diagnostic> problems = new ArrayList<>();
        RefResolver resolver = RefResolver.of(nodes, rootPackage);
        for (Node test : nodes) {
            if (test.unitTest() == null || !test.config().enabled()) {
                continue;
            }
            UnitTestSpec spec = test.unitTest();
            // the model the linker will attach the test to, by the same rules
            RefCall tested = test.refs().get(0);
            Node model = resolver.ref(test.packageName(), null, tested.name(), tested.version()).found();
            if (model == null || model.resourceType() != ResourceType.MODEL) {
                continue;
            }
            for (UnitTestSpec.Given given : spec.given()) {
                String problem = problem(given, model);
                if (problem != null) {
                    problems.add(new Diagnostic(ErrorKind.PROJECT, given.at(), "unit test '" + spec.name() + "': " + problem,
                            "give only the inputs model '" + model.name() + "' reads: " + inputsOf(model)));
                }
            }
        }
        return problems;
    }

    private static String problem(UnitTestSpec.Given given, Node model) {
        if (given.isThis()) {
            return null;
        }
        RefCall ref = given.ref();
        if (ref != null) {
            boolean found = model.refs().stream().anyMatch(call -> call.name().equals(ref.name()));
            return found ? null : "input " + given.input().strip() + " is not a ref of model '" + model.name() + "'";
        }
        io.smelt.compiler.graph.SourceCall source = given.source();
        if (source != null) {
            boolean found = model.sources().stream()
                    .anyMatch(call -> call.sourceName().equals(source.sourceName()) && call.tableName().equals(source.tableName()));
            return found ? null : "input " + given.input().strip() + " is not a source of model '" + model.name() + "'";
        }
        return "input '" + given.input() + "' is not ref('...'), source('...', '...') or this";
    }

    private static String inputsOf(Node model) {
        List<String> inputs = new ArrayList<>();
        model.refs().forEach(call -> inputs.add("ref('" + call.name() + "')"));
        model.sources().forEach(call -> inputs.add("source('" + call.sourceName() + "', '" + call.tableName() + "')"));
        return inputs.isEmpty() ? "none" : String.join(", ", inputs);
    }
}
