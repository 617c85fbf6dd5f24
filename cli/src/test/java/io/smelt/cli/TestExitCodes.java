package io.smelt.cli;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.EngineException;
import io.smelt.cli.output.TestingNodes;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.ExitClass;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The table that turns what went wrong into the process exit code, in full. */
class TestExitCodes {
    private static final Node MODEL = TestingNodes.model("orders", "table");

    @Test
    void eachErrorKindCarriesItsExitClass() {
        Map<ErrorKind, ExitClass> expected = new EnumMap<>(Map.ofEntries(
                Map.entry(ErrorKind.PROJECT, ExitClass.PROJECT),
                Map.entry(ErrorKind.PROFILE, ExitClass.PROJECT),
                Map.entry(ErrorKind.YAML, ExitClass.PROJECT),
                Map.entry(ErrorKind.JINJA, ExitClass.FAILURE),
                Map.entry(ErrorKind.GRAPH, ExitClass.PROJECT),
                Map.entry(ErrorKind.SELECTOR, ExitClass.PROJECT),
                Map.entry(ErrorKind.SQL, ExitClass.PROJECT),
                Map.entry(ErrorKind.COMMAND_LINE, ExitClass.PROJECT),
                Map.entry(ErrorKind.TRANSLATION, ExitClass.FAILURE),
                Map.entry(ErrorKind.CONTRACT, ExitClass.FAILURE),
                Map.entry(ErrorKind.ENGINE, ExitClass.FAILURE),
                Map.entry(ErrorKind.INTERNAL, ExitClass.INTERNAL)));
        assertThat(expected).containsOnlyKeys(ErrorKind.values());
        expected.forEach((kind, exitClass) -> assertThat(kind.exitClass()).as(kind.name()).isEqualTo(exitClass));
    }

    @Test
    void exitClassesAreCodesInRisingGravity() {
        assertThat(Arrays.stream(ExitClass.values()).mapToInt(ExitClass::code)).containsExactly(0, 1, 2, 2);
        assertThat(ExitClass.FAILURE.worst(ExitClass.PROJECT)).isEqualTo(ExitClass.PROJECT);
        assertThat(ExitClass.INTERNAL.worst(ExitClass.PROJECT)).isEqualTo(ExitClass.INTERNAL);
        assertThat(ExitClass.SUCCESS.worst(ExitClass.SUCCESS)).isEqualTo(ExitClass.SUCCESS);
        assertThat(List.of(ExitCodes.OK, ExitCodes.FAILED, ExitCodes.INVALID)).containsExactly(0, 1, 2);
    }

    @Test
    void aThrownErrorIsNeverAMereFailure() {
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(ExitCodes.forThrowable(new SmeltException(kind, null, "wrong", null))).as(kind.name()).isEqualTo(2);
        }
        assertThat(ExitCodes.classOf(new SmeltException(ErrorKind.JINJA, null, "bad tag", null))).isEqualTo(ExitClass.PROJECT);
        assertThat(ExitCodes.classOf(new SmeltException(ErrorKind.INTERNAL, null, "bug", null))).isEqualTo(ExitClass.INTERNAL);
        assertThat(ExitCodes.forThrowable(new CommandLine.ParameterException(new CommandLine(new TestSpec()), "bad flag")))
                .isEqualTo(2);
        assertThat(ExitCodes.forThrowable(new AdapterConfigException("no host"))).isEqualTo(2);
        assertThat(ExitCodes.forThrowable(new EngineException("database is locked", null))).isEqualTo(2);
        assertThat(ExitCodes.classOf(new IllegalStateException("oops"))).isEqualTo(ExitClass.INTERNAL);
        assertThat(new ExitCodes().getExitCode(new IllegalStateException("oops"))).isEqualTo(2);
    }

    @Test
    void anEngineThatRefusesAnOperationFailsTheRun() {
        OperationFailedException refused = new OperationFailedException("syntax error", new EngineException("syntax error", null));
        assertThat(ExitCodes.classOf(refused)).isEqualTo(ExitClass.FAILURE);
        assertThat(ExitCodes.forThrowable(refused)).isEqualTo(1);
    }

    @Test
    void aRunTakesTheGravestClassOfItsNodes() {
        assertThat(ExitCodes.forSummary(summary())).isEqualTo(0);
        assertThat(ExitCodes.forSummary(summary(result(NodeStatus.SUCCESS, null), result(NodeStatus.PASS, null),
                result(NodeStatus.WARN, null), result(NodeStatus.SKIPPED, null)))).isEqualTo(0);
        assertThat(ExitCodes.forSummary(summary(result(NodeStatus.FAIL, null)))).isEqualTo(1);
        assertThat(ExitCodes.forSummary(summary(result(NodeStatus.ERROR, null)))).isEqualTo(1);
        assertThat(ExitCodes.forSummary(summary(result(NodeStatus.ERROR, ErrorKind.JINJA)))).isEqualTo(1);
        assertThat(ExitCodes.forSummary(summary(result(NodeStatus.ERROR, ErrorKind.ENGINE)))).isEqualTo(1);
        assertThat(ExitCodes.forSummary(summary(result(NodeStatus.ERROR, ErrorKind.PROJECT)))).isEqualTo(2);
        assertThat(ExitCodes.forSummary(summary(result(NodeStatus.FAIL, null), result(NodeStatus.ERROR, ErrorKind.PROJECT),
                result(NodeStatus.SUCCESS, null)))).isEqualTo(2);
        // a kind on a node that did not fail says nothing about the run
        assertThat(ExitCodes.classOf(result(NodeStatus.SUCCESS, ErrorKind.PROJECT))).isEqualTo(ExitClass.SUCCESS);
    }

    private static RunSummary summary(NodeResult... results) {
        return new RunSummary(Command.BUILD, List.of(results), Duration.ZERO);
    }

    private static NodeResult result(NodeStatus status, ErrorKind kind) {
        return new NodeResult(MODEL, 1, 1, status, "", 0, null, null, null, null, null, Map.of(), kind);
    }

    @CommandLine.Command(name = "spec")
    private static final class TestSpec {
    }
}
