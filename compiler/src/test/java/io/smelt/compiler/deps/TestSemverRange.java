package io.smelt.compiler.deps;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dbt's version ranges for hub packages, as dbt-common's {@code semver.py} resolves them. */
class TestSemverRange {
    private static final List<String> HUB = List.of("0.9.0", "1.0.0", "1.1.0", "1.1.2", "1.2.0-b1", "1.10.0", "2.0.0-rc1",
            "2.0.0", "2.1.0");

    @Test
    void aListOfBoundsMustAllHold() {
        assertThat(newest(List.of(">=1.0.0", "<2.0.0"))).isEqualTo("1.10.0");
        assertThat(newest(List.of(">1.0.0", "<=1.1.2"))).isEqualTo("1.1.2");
        assertThat(newest(List.of(">=1.0.0", "<1.1.2"))).isEqualTo("1.1.0");
        assertThat(newest(List.of(">=1.1.0"))).isEqualTo("2.1.0");
        assertThat(newest(List.of("<1.0.0"))).isEqualTo("0.9.0");
    }

    @Test
    void oneTextMayHoldSeveralBoundsSeparatedByCommas() {
        assertThat(newest(List.of(">=1.0.0, <2.0.0"))).isEqualTo("1.10.0");
        assertThat(SemverRange.parse(List.of(">=1.0.0,<2.0.0")).constraints()).hasSize(2);
    }

    @Test
    void aBareVersionIsExact() {
        assertThat(newest(List.of("1.1.0"))).isEqualTo("1.1.0");
        assertThat(newest(List.of("=1.1.0"))).isEqualTo("1.1.0");
        assertThat(SemverRange.parse(List.of("1.3.0")).newest(HUB, false)).isEmpty();
    }

    @Test
    void constraintsFromSeveralPackagesNarrowTheRange() {
        assertThat(newest(List.of(">=1.0.0", "<3.0.0", ">=1.1.0", "<1.5.0"))).isEqualTo("1.1.2");
        assertThat(SemverRange.parse(List.of(">=2.0.0", "<1.0.0")).newest(HUB, false)).isEmpty();
        assertThat(SemverRange.parse(List.of("1.0.0", "1.1.0")).newest(HUB, false)).isEmpty();
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertThat(newest(List.of(">=1.2.0", "<2.0.0"))).isEqualTo("1.10.0");
        assertThat(version("1.10.0")).isGreaterThan(version("1.9.0"));
        assertThat(version("10.0.0")).isGreaterThan(version("9.99.99"));
    }

    @Test
    void prereleasesOrderAsSemverSays() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            assertThat(version(ordered.get(i))).as(ordered.get(i) + " < " + ordered.get(i + 1))
                    .isLessThan(version(ordered.get(i + 1)));
        }
        assertThat(version("1.0.0+build.5")).isEqualByComparingTo(version("1.0.0"));
    }

    @Test
    void prereleasesOnlyWhenAskedForOrNamed() {
        assertThat(newest(List.of(">=1.1.0", "<1.3.0"))).isEqualTo("1.1.2");
        assertThat(SemverRange.parse(List.of(">=1.1.0", "<1.3.0")).newest(HUB, true)).contains("1.2.0-b1");
        assertThat(newest(List.of(">=1.2.0-a1", "<1.3.0"))).isEqualTo("1.2.0-b1");
        assertThat(SemverRange.parse(List.of(">=1.2.0-a1")).namesPrerelease()).isTrue();
        assertThat(SemverRange.parse(List.of(">=1.2.0")).namesPrerelease()).isFalse();
        assertThat(newest(List.of("2.0.0-rc1"))).isEqualTo("2.0.0-rc1");
    }

    /** dbt's {@code VersionSpecifier.compare}: below {@code <X.Y.Z} means below X.Y.Z's prereleases too. */
    @Test
    void anExclusiveUpperBoundKeepsItsOwnPrereleasesOut() {
        assertThat(SemverRange.parse(List.of(">=1.0.0", "<2.0.0")).newest(HUB, true)).contains("1.10.0");
        assertThat(SemverRange.parse(List.of(">=1.0.0", "<=2.0.0")).newest(HUB, true)).contains("2.0.0");
        assertThat(SemverRange.parse(List.of(">=1.0.0", "<2.0.0")).newest(List.of("1.0.0", "2.0.0-rc1"), true))
                .contains("1.0.0");
        assertThat(SemverRange.parse(List.of("<2.0.0-rc2")).newest(List.of("2.0.0-rc1"), true)).contains("2.0.0-rc1");
        assertThat(SemverRange.parse(List.of("<2.0.0")).newest(List.of("1.5.0-rc1"), true)).contains("1.5.0-rc1");
    }

    /** dbt-common's pattern makes the dash before a prerelease optional. */
    @Test
    void aPrereleaseMayFollowThePatchWithoutADash() {
        assertThat(version("1.0.0rc1")).isEqualTo(version("1.0.0-rc1"));
        assertThat(SemverRange.parse(List.of(">=1.0.0b1")).namesPrerelease()).isTrue();
        assertThat(SemverRange.parse(List.of(">=0.9.0")).newest(List.of("1.0.0", "1.1.0b2"), true)).contains("1.1.0b2");
        assertThat(SemverRange.Version.parse("1.0.0.1")).isEmpty();
    }

    @Test
    void unparsableAvailableVersionsAreSkipped() {
        assertThat(SemverRange.parse(List.of(">=1.0.0")).newest(List.of("latest", "1.0", "1.0.0", "v1.0.1"), false))
                .contains("v1.0.1");
    }

    @Test
    void rejectsWhatIsNotAVersionConstraint() {
        assertThatThrownBy(() -> SemverRange.parse(List.of(">=1.0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'>=1.0' is not a version or a range bound");
        assertThatThrownBy(() -> SemverRange.parse(List.of(">=1.0.0", "~>1.0.0")))
                .hasMessageStartingWith("'~>1.0.0' is not a version");
        assertThatThrownBy(() -> SemverRange.parse(List.of("latest"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsItsBounds() {
        assertThat(SemverRange.parse(List.of(">=1.0.0", "<2.0.0-rc1+b", "1.1.0")))
                .hasToString("[>=1.0.0, <2.0.0-rc1, 1.1.0]");
    }

    private static String newest(List<String> constraints) {
        return SemverRange.parse(constraints).newest(HUB, false).orElseThrow();
    }

    private static SemverRange.Version version(String text) {
        return SemverRange.Version.parse(text).orElseThrow();
    }
}
