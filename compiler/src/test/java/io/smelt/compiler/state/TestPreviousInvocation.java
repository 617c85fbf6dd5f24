package io.smelt.compiler.state;

import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.result.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What retry reads from a run_results.json: the command, its flags and the nodes to run again, as dbt's retry task. */
class TestPreviousInvocation {
    @TempDir
    Path dir;

    @Test
    void dbtsRetryableStatusesAreRunAgainAndHooksAreNot() throws Exception {
        write("""
                {"results": [
                  {"unique_id": "operation.shop.shop-on-run-start-0", "status": "success"},
                  {"unique_id": "model.shop.a", "status": "success"},
                  {"unique_id": "model.shop.b", "status": "error"},
                  {"unique_id": "model.shop.c", "status": "skipped"},
                  {"unique_id": "test.shop.d.1a2b", "status": "fail"},
                  {"unique_id": "test.shop.e", "status": "warn"},
                  {"unique_id": "test.shop.f", "status": "pass"},
                  {"unique_id": "model.shop.g", "status": "partial success"},
                  {"unique_id": "model.shop.h", "status": "runtime error"},
                  {"unique_id": "operation.shop.shop-on-run-end-0", "status": "error"}],
                 "args": {"which": "build", "select": ["+c"], "vars": {"day": "2024-01-01", "n": 2}, "threads": 4,
                          "full_refresh": true, "resource_types": "model test"}}
                """);
        PreviousInvocation previous = PreviousInvocation.read(dir, null);

        assertThat(previous.command()).isEqualTo(Command.BUILD);
        assertThat(previous.toRetry(false)).containsExactly("model.shop.b", "model.shop.c", "test.shop.d.1a2b", "model.shop.g",
                "model.shop.h");
        assertThat(previous.toRetry(true)).contains("test.shop.e").doesNotContain("test.shop.f");
        assertThat(previous.stoppedBeforeAnyNode()).isFalse();
        assertThat(previous.list("select")).containsExactly("+c");
        assertThat(previous.list("resource_types")).as("a string of words, as dbt writes some").containsExactly("model", "test");
        assertThat(previous.json("vars")).isEqualTo("{\"day\":\"2024-01-01\",\"n\":2}");
        assertThat(previous.string("threads")).isEqualTo("4");
        assertThat(previous.flag("full_refresh")).isTrue();
        assertThat(previous.flag("fail_fast")).isFalse();
    }

    @Test
    void aRunOperationsOneResultIsTheMacro() throws Exception {
        write("""
                {"results": [{"unique_id": "macro.shop.grant", "status": "error"}],
                 "args": {"which": "run-operation", "macro": "grant", "args": {"role": "x"}}}
                """);
        PreviousInvocation previous = PreviousInvocation.read(dir, "--state prev");
        assertThat(previous.command()).isEqualTo(Command.RUN_OPERATION);
        assertThat(previous.toRetry(false)).containsExactly("macro.shop.grant");
        assertThat(previous.json("args")).isEqualTo("{\"role\":\"x\"}");
    }

    @Test
    void aFailedOnRunStartHookMeansNoNodeRan() throws Exception {
        write("""
                {"results": [{"unique_id": "operation.shop.shop-on-run-start-0", "status": "error"}], "args": {"which": "run"}}
                """);
        PreviousInvocation previous = PreviousInvocation.read(dir, null);
        assertThat(previous.toRetry(false)).isEmpty();
        assertThat(previous.stoppedBeforeAnyNode()).isTrue();
    }

    @Test
    void aMissingFileAnotherCommandOrAnotherFileIsACommandLineError() throws Exception {
        assertThatThrownBy(() -> PreviousInvocation.read(dir, "--state prev")).isInstanceOf(SmeltException.class)
                .hasMessageContaining("no previous run to retry: --state prev has no run_results.json");

        write("{\"results\": [], \"args\": {\"which\": \"show\"}}");
        assertThatThrownBy(() -> PreviousInvocation.read(dir, null).command())
                .hasMessageContaining("'show', which retry does not run again");

        write("{\"nodes\": {}}");
        assertThatThrownBy(() -> PreviousInvocation.read(dir, null)).hasMessageContaining("is not a run_results.json");

        write("{not json");
        assertThatThrownBy(() -> PreviousInvocation.read(dir, null)).hasMessageContaining("cannot be read as JSON");
    }

    private void write(String json) throws Exception {
        Files.writeString(dir.resolve("run_results.json"), json);
    }
}
