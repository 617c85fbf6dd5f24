package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code smelt docs serve} on a free loopback port, opened in headless Chromium; a busy port is exit code 2. */
class TestDocsServe {
    @TempDir
    Path dir;

    @Test
    void servesTheSiteOnLoopbackAndRefusesABusyPort() throws Exception {
        Path project = TestingProjects.copy("sample-project", dir, Map.of("type", "duckdb", "path", dir.resolve("serve.duckdb").toString()));
        Result generated = TestingCli.inProject(project, "docs", "generate", "--no-compile");
        assertThat(generated.exitCode()).as(generated.out() + generated.err()).isZero();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        String[] args = {"docs", "serve", "--port", String.valueOf(port), "--project-dir", project.toString()};
        Thread serving = new Thread(() -> {
            CommandLine commandLine = SmeltCommand.forArgs(CliContext.of(project), false, args);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            exitCode.set(commandLine.execute(args));
        });
        serving.start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!out.toString().contains("Serving docs at") && serving.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String url = "http://127.0.0.1:" + port + "/";
            assertThat(out.toString()).as(err.toString()).contains("Serving docs at " + url);

            Result busy = TestingCli.inProject(project, "docs", "serve", "--port", String.valueOf(port));
            assertThat(busy.exitCode()).isEqualTo(2);
            assertThat(busy.err()).contains("cannot serve on 127.0.0.1:" + port).contains("--port");

            try (TestingChromium chromium = TestingChromium.start()) {
                chromium.web().get(url + "#!/model/" + TestDocsSite.SILVER);
                TestDocsSite.ready(chromium);
                TestDocsSite.title(chromium, "silver_user_events");
                assertThat(chromium.web().findElement(By.id("description")).getText()).contains("Events typed with try_cast");
                chromium.screenshot("08-served");
                assertThat(chromium.loadedUrls()).allSatisfy(loaded -> assertThat(loaded).startsWith(url));
            }
        }
        finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertThat(exitCode.get()).isZero();
    }

    @Test
    void withoutASiteServeSaysToGenerateIt() throws IOException {
        Path project = TestingProjects.copy("sample-project", dir, Map.of("type", "duckdb", "path", dir.resolve("none.duckdb").toString()));
        Result result = TestingCli.inProject(project, "docs", "serve", "--port", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no docs site in").contains("smelt docs generate");
    }
}
