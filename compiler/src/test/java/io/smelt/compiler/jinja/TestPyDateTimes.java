package io.smelt.compiler.jinja;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Java time values as templates see them; expected values are what CPython 3 prints for the same datetimes. */
class TestPyDateTimes {
    private static final JinjaEngine ENGINE =
            JinjaEngine.create(new JinjaEngine.Options("root", List.of(), List.of(), Map.of()), List.of());

    @Test
    void runStartedAtIsAnAwareUtcDatetimeToTheMicrosecond() {
        Object t = PyDateTimes.utcInstant("2024-10-01T00:00:00.123456789Z");

        assertThat(render("{{ t }}|{{ t.isoformat() }}|{{ t.strftime('%Y%m%d%H%M%S|%z|%Z') }}", t))
                .isEqualTo("2024-10-01 00:00:00.123456+00:00|2024-10-01T00:00:00.123456+00:00|20241001000000|+0000|UTC");
        assertThat(render("{{ [t] }}", t))
                .isEqualTo("[datetime.datetime(2024, 10, 1, 0, 0, 0, 123456, tzinfo=datetime.timezone.utc)]");
        assertThat(render("{{ t - modules.datetime.datetime.fromisoformat('2024-01-02T03:04:05+05:30') }}", t))
                .isEqualTo("273 days, 2:25:55.123456");
    }

    @Test
    void textThatIsNoInstantStaysText() {
        assertThat(PyDateTimes.utcInstant("yesterday")).isEqualTo("yesterday");
        assertThat(PyDateTimes.utcInstant(null)).isNull();
    }

    @Test
    void batchBoundsAreAwareUtcDatetimes() {
        Object start = PyDateTimes.utc(LocalDateTime.of(2024, 9, 30, 12, 0));
        Object end = PyDateTimes.utc(LocalDateTime.of(2024, 10, 1, 0, 0));

        assertThat(render("{{ t }}|{{ t.tzinfo is none }}", start)).isEqualTo("2024-09-30 12:00:00+00:00|False");
        assertThat(ENGINE.render(ENGINE.parse("root", Path.of("t.sql"), "{{ e - s }}|{{ s < e }}"), Map.of("s", start, "e", end)))
                .isEqualTo("12:00:00|True");
    }

    @Test
    void databaseValuesBecomeDatesAndDatetimes() {
        assertThat(render("{{ t }}|{{ [t] }}|{{ t.year }}", PyDateTimes.fromJava(LocalDate.of(2024, 1, 2))))
                .isEqualTo("2024-01-02|[datetime.date(2024, 1, 2)]|2024");
        assertThat(render("{{ [t] }}|{{ t + modules.datetime.timedelta(days=1) }}",
                PyDateTimes.fromJava(LocalDateTime.of(2024, 1, 2, 3, 4, 5))))
                .isEqualTo("[datetime.datetime(2024, 1, 2, 3, 4, 5)]|2024-01-03 03:04:05");
        assertThat(render("{{ t }}|{{ t.tzinfo is none }}",
                PyDateTimes.fromJava(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30)))))
                .isEqualTo("2024-01-02 03:04:05+05:30|False");
        assertThat(render("{{ t }}", PyDateTimes.fromJava(Instant.parse("2024-01-02T03:04:05Z"))))
                .isEqualTo("2024-01-02 03:04:05+00:00");
        assertThat(render("{{ t }}", PyDateTimes.fromJava(java.sql.Date.valueOf("2024-01-02")))).isEqualTo("2024-01-02");
        assertThat(PyDateTimes.fromJava(42L)).isEqualTo(42L);
    }

    private static String render(String template, Object t) {
        return ENGINE.render(ENGINE.parse("root", Path.of("t.sql"), template), Map.of("t", t));
    }
}
