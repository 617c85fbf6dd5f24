package io.smelt.compiler.graph;

import io.smelt.compiler.graph.FreshnessThreshold.After;
import io.smelt.compiler.graph.FreshnessThreshold.Status;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dbt's FreshnessThreshold: reading, the status of an age, and merge_source_freshness across levels. */
class TestFreshnessThreshold {
    private static final After TWO_HOURS = new After(2L, "hour");
    private static final After ONE_DAY = new After(1L, "day");
    private static final FreshnessThreshold SOURCE = new FreshnessThreshold(TWO_HOURS, ONE_DAY, null);

    @Test
    void anAgeIsPastAThresholdOnlyWhenStrictlyOlder() {
        assertThat(SOURCE.status(7200)).isEqualTo(Status.PASS);
        assertThat(SOURCE.status(7201)).isEqualTo(Status.WARN);
        assertThat(SOURCE.status(86400)).isEqualTo(Status.WARN);
        assertThat(SOURCE.status(86401)).isEqualTo(Status.ERROR);
        assertThat(new FreshnessThreshold(null, new After(30L, "minute"), null).status(1801)).isEqualTo(Status.ERROR);
        assertThat(new FreshnessThreshold(After.UNSET, null, null).isSet()).isFalse();
    }

    @Test
    void readsMappingsAndRefusesWhatDbtRefuses() {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("warn_after", Map.of("count", 2, "period", "hour"));
        written.put("error_after", null);
        written.put("filter", "region = 'us'");
        FreshnessThreshold threshold = FreshnessThreshold.of(written);
        assertThat(threshold).isEqualTo(new FreshnessThreshold(TWO_HOURS, null, "region = 'us'"));
        assertThat(FreshnessThreshold.of(Map.of("warn_after", Map.of("count", "12", "period", "day"))).warnAfter())
                .as("a rendered count").isEqualTo(new After(12L, "day"));
        assertThat(FreshnessThreshold.of(null)).isNull();
        assertThatThrownBy(() -> FreshnessThreshold.of(Map.of("warn_after", Map.of("count", 1, "period", "week"))))
                .hasMessage("warn_after.period must be one of minute, hour, day, found 'week'");
        assertThatThrownBy(() -> FreshnessThreshold.of(Map.of("error_after", Map.of("count", 1.5, "period", "day"))))
                .hasMessage("error_after.count must be a whole number, found '1.5'");
        assertThatThrownBy(() -> FreshnessThreshold.of(Map.of("build_after", Map.of())))
                .hasMessage("freshness has no 'build_after'; its keys are warn_after, error_after, filter");
    }

    @Test
    void aTableOverridesItsSourceKeyByKey() {
        FreshnessThreshold table = new FreshnessThreshold(After.UNSET, new After(6L, "hour"), "x > 0");
        assertThat(merge(SOURCE, FreshnessThreshold.EMPTY, table, FreshnessThreshold.EMPTY))
                .isEqualTo(new FreshnessThreshold(TWO_HOURS, new After(6L, "hour"), "x > 0"));
        assertThat(merge(SOURCE, FreshnessThreshold.EMPTY, FreshnessThreshold.EMPTY, FreshnessThreshold.EMPTY)).isEqualTo(SOURCE);
        assertThat(merge(FreshnessThreshold.EMPTY, FreshnessThreshold.EMPTY, FreshnessThreshold.EMPTY, FreshnessThreshold.EMPTY))
                .as("nothing written").isEqualTo(FreshnessThreshold.EMPTY);
    }

    @Test
    void nullSwitchesFreshnessOffUntilALaterLevelSetsAThreshold() {
        assertThat(merge(SOURCE, FreshnessThreshold.EMPTY, null, FreshnessThreshold.EMPTY)).as("table: null").isNull();
        assertThat(merge(null, FreshnessThreshold.EMPTY, FreshnessThreshold.EMPTY, FreshnessThreshold.EMPTY))
                .as("source: null, nothing on the table").isNull();
        FreshnessThreshold own = new FreshnessThreshold(After.UNSET, new After(1L, "hour"), null);
        assertThat(merge(null, FreshnessThreshold.EMPTY, own, FreshnessThreshold.EMPTY)).as("a table's own after the source's null")
                .isEqualTo(own);
        FreshnessThreshold filterOnly = new FreshnessThreshold(After.UNSET, After.UNSET, "x > 0");
        assertThat(merge(null, FreshnessThreshold.EMPTY, filterOnly, FreshnessThreshold.EMPTY)).as("a filter alone sets nothing").isNull();
        assertThat(merge(SOURCE, FreshnessThreshold.EMPTY, new FreshnessThreshold(null, After.UNSET, null), FreshnessThreshold.EMPTY))
                .as("warn_after: null clears the source's").isEqualTo(new FreshnessThreshold(null, ONE_DAY, null));
    }

    private static FreshnessThreshold merge(FreshnessThreshold... levels) {
        List<FreshnessThreshold> list = Arrays.asList(levels);
        return FreshnessThreshold.merge(list);
    }
}
