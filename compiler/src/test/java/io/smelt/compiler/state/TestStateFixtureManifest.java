package io.smelt.compiler.state;

import io.smelt.compiler.artifact.TestingDbtSchemas;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written dbt manifest the state tests compare with is valid against dbt's v12 schema, and reads as one. */
class TestStateFixtureManifest {
    @Test
    void validAgainstDbtsSchema() {
        Path file = fixture();
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(file), TestingDbtSchemas.MANIFEST);
        StateManifest manifest = PreviousRun.of(file.getParent(), "--state").manifest();
        assertThat(manifest.schemaVersion()).isEqualTo(12);
        assertThat(manifest.nodes()).containsKeys("model.state_dbt.orders", "seed.state_dbt.raw_orders");
        assertThat(manifest.macros()).containsKey("macro.state_dbt.discount");
    }

    private static Path fixture() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("adapters/testing/src/test/resources/projects/state_dbt/dbt-state/manifest.json");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("the state_dbt fixture was not found above " + Path.of("").toAbsolutePath());
    }
}
