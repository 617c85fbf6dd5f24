package io.smelt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs issue 17's benchmark, {@code bench/speed.sh --quick}, so that it never rots: every measure
 * still runs and prints its row with figures. The figures themselves are never asserted (speed is
 * read from the script's table, not from tests). The process is the subject here, so it is spawned;
 * Smelt runs from this module's test class path, since the launcher's jar is only built after tests.
 */
class TestSpeedScript {
    private static final String SECONDS = "[0-9]+\\.[0-9]+ s";
    private static final String RATIO = "[0-9]+\\.[0-9]+x";
    private static final List<String> TIMED = List.of(
            "cold parse, 20 models",
            "cold compile, 20 models",
            "cold compile --no-sql-check, 20 models",
            "parse after editing one model, 20 models",
            "compile after editing one model, 20 models",
            "parse after editing one macro, 20 models",
            "compile after editing one macro, 20 models",
            "parse after editing one schema, 20 models",
            "compile after editing one schema, 20 models",
            "compile -s stg_0, 20 models",
            "run -s stg_0, 20 models",
            "run of 20 views (smelt run)",
            "the same statements over JDBC",
            "merge 1% into 10000 rows (smelt run -s)",
            "the same statements by hand over JDBC");
    private static final List<String> RATIOS = List.of(
            "smelt run / JDBC, 20 views",
            "smelt run / by hand, merge into 10000 rows");

    @TempDir
    Path dir;

    @Test
    void quickRunPrintsEveryMeasure() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        Path log = dir.resolve("speed.log");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("bench/speed.sh").toString(), "--quick")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SMELT_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // An empty cache: Dataform is not installed, so the run needs no network and skips it.
        builder.environment().put("SMELT_BENCH_CACHE", Files.createDirectory(dir.resolve("cache")).toString());
        builder.environment().put("TMPDIR", Files.createDirectory(dir.resolve("tmp")).toString());
        Process process = builder.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        for (String measure : TIMED) {
            assertThat(output).as(measure).containsPattern(row(measure, SECONDS + " \\| " + SECONDS + " \\| [0-9]+ MB"));
        }
        for (String measure : RATIOS) {
            assertThat(output).as(measure).containsPattern(row(measure, RATIO + " \\| " + RATIO + " \\| -"));
        }
        assertThat(output)
                .containsPattern(row("dataform compile, 20 models", "skipped \\| skipped \\| - \\| not installed in .*"))
                .containsPattern(row("Dataform compile / Smelt compile, 20 models", "skipped \\| skipped \\| -"));
    }

    /** A table row: | MEASURE | target | FIGURES ... */
    private static Pattern row(String measure, String figures) {
        return Pattern.compile("(?m)^\\| " + Pattern.quote(measure) + " \\| [^|]* \\| " + figures);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("bench/speed.sh"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("no bench/speed.sh above the working folder").isNotNull();
        return dir;
    }
}
