package io.smelt.cli;

import io.smelt.compiler.materialize.EventTimeRange;
import picocli.CommandLine.Option;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** {@code --event-time-start} and {@code --event-time-end}, of the commands that build microbatch models. */
public final class EventTimeOptions {
    @Option(names = "--event-time-start", paramLabel = "<timestamp>",
            description = "Microbatch models build batches from this event time (UTC date or timestamp, such as 2024-10-01).")
    String start;

    @Option(names = "--event-time-end", paramLabel = "<timestamp>",
            description = "Microbatch models build batches up to this event time, exclusive (default: now).")
    String end;

    EventTimeRange range() {
        return EventTimeRange.of(start, end, LocalDateTime.now(ZoneOffset.UTC));
    }
}
