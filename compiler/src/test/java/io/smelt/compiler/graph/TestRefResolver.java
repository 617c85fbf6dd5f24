package io.smelt.compiler.graph;

import io.smelt.compiler.graph.RefResolver.Outcome;
import io.smelt.compiler.graph.RefResolver.Resolution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.smelt.compiler.graph.TestingNodes.model;
import static io.smelt.compiler.graph.TestingNodes.seed;
import static io.smelt.compiler.graph.TestingNodes.singularTest;
import static io.smelt.compiler.graph.TestingNodes.source;
import static org.assertj.core.api.Assertions.assertThat;

/** dbt's {@code Manifest.resolve_ref} and {@code resolve_source} rules, which the linker and the run-time context share. */
class TestRefResolver {
    private static final RefResolver PROJECT = RefResolver.of(List.of(
            model("calendar").build(),
            model("calendar").pkg("utils").build(),
            model("only_in_utils").pkg("utils").build(),
            model("helper").pkg("utils").build(),
            model("helper").pkg("other").build(),
            seed("countries").build(),
            singularTest("countries").build(),
            model("dim").uniqueId("model.shop.dim.v1").config("version", 1).config("latest_version", 2).build(),
            model("dim").uniqueId("model.shop.dim.v2").config("version", 2).config("latest_version", 2).build(),
            model("dim").uniqueId("model.shop.dim.v3").config("version", 3).config("latest_version", 2).build(),
            model("legacy").disabled().build(),
            model("orders").uniqueId("model.shop.orders_old").disabled().build(),
            model("orders").pkg("other").build(),
            source("raw", "orders").build(),
            source("raw", "orders").pkg("utils").build(),
            source("raw", "events").pkg("utils").build(),
            source("raw", "events").pkg("other").build(),
            source("raw", "gone").disabled().build()), "shop");

    private static String ref(String fromPackage, String packageName, String name, String version) {
        return PROJECT.ref(fromPackage, packageName, name, version).found().uniqueId();
    }

    @Test
    void unqualifiedRefLooksInTheRootProjectThenTheCallersPackageThenAnyPackage() {
        assertThat(ref("utils", null, "calendar", null)).as("the root project overrides a package").isEqualTo("model.shop.calendar");
        assertThat(ref("other", null, "helper", null)).isEqualTo("model.other.helper");
        assertThat(ref("shop", null, "only_in_utils", null)).isEqualTo("model.utils.only_in_utils");
        assertThat(ref("shop", null, "countries", null)).as("a test is not refable").isEqualTo("seed.shop.countries");
    }

    @Test
    void aNameSeveralOtherPackagesDefineIsAmbiguous() {
        Resolution helper = PROJECT.ref("shop", null, "helper", null);
        assertThat(helper.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(helper.found()).isNull();
        assertThat(helper.candidateIds()).isEqualTo("model.other.helper, model.utils.helper");
        assertThat(RefResolver.ambiguityHint("helper", helper)).isEqualTo("name the package, for example ref('other', 'helper')");
    }

    @Test
    void twoArgumentRefLooksInThatPackageOnly() {
        assertThat(ref("shop", "utils", "calendar", null)).isEqualTo("model.utils.calendar");
        assertThat(ref("shop", "utils", "helper", null)).isEqualTo("model.utils.helper");
        assertThat(PROJECT.ref("shop", "other", "calendar", null).outcome()).isEqualTo(Outcome.MISSING);
    }

    @Test
    void anUnpinnedRefPicksTheLatestVersionAndAPinnedOneItsVersion() {
        assertThat(ref("shop", null, "dim", null)).as("latest_version, not the greatest").isEqualTo("model.shop.dim.v2");
        assertThat(ref("utils", null, "dim", "1")).isEqualTo("model.shop.dim.v1");
        assertThat(ref("shop", null, "dim", "3.0")).isEqualTo("model.shop.dim.v3");
        assertThat(PROJECT.ref("shop", null, "dim", "4").outcome()).isEqualTo(Outcome.MISSING);
    }

    @Test
    void aDisabledNodeIsReportedOnlyWhenNoEnabledOneMatches() {
        Resolution legacy = PROJECT.ref("shop", null, "legacy", null);
        assertThat(legacy.outcome()).isEqualTo(Outcome.DISABLED);
        assertThat(legacy.node().uniqueId()).isEqualTo("model.shop.legacy");
        assertThat(legacy.found()).isNull();
        assertThat(ref("shop", null, "orders", null)).as("enabled in another package wins").isEqualTo("model.other.orders");
        assertThat(PROJECT.source("shop", "raw", "gone").outcome()).isEqualTo(Outcome.DISABLED);
    }

    @Test
    void sourcesLookInTheRootProjectFirstAsRefsDo() {
        assertThat(PROJECT.source("utils", "raw", "orders").found().uniqueId()).isEqualTo("source.shop.raw.orders");
        assertThat(PROJECT.source("utils", "raw", "events").found().uniqueId()).isEqualTo("source.utils.raw.events");
        assertThat(PROJECT.source("shop", "raw", "events").outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(PROJECT.source("shop", "raw", "nope").outcome()).isEqualTo(Outcome.MISSING);
    }
}
