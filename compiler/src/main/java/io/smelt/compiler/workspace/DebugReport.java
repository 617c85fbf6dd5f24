package io.smelt.compiler.workspace;

import java.util.List;

/** What {@code smelt debug} checked: each line a check, its outcome and details (never secrets). */
public record DebugReport(List<Check> checks) {
    public record Check(String name, boolean ok, String detail) {
    }

    public DebugReport {
        checks = List.copyOf(checks);
    }

    public boolean ok() {
        return checks.stream().allMatch(Check::ok);
    }
}
