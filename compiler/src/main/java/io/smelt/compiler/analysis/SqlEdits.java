package io.smelt.compiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Edits to SQL text, applied at once: replacements of ranges and insertions at offsets, so that
 * everything not edited (comments, layout, line breaks) stays as it was. Insertions at one offset
 * nest: an opening one of an outer construct comes before an inner one's, a closing one after.
 */
final class SqlEdits {
    private record Edit(int start, int end, String text, int rank, int sequence) {
    }

    private static final int REPLACEMENT_RANK = Integer.MAX_VALUE;

    private final List<Edit> edits = new ArrayList<>();

    void replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text, REPLACEMENT_RANK, edits.size()));
    }

    /** Inserts text that opens a construct at paren depth {@code depth}. */
    void open(int at, int depth, String text) {
        edits.add(new Edit(at, at, text, depth, edits.size()));
    }

    /** Inserts text that closes a construct at paren depth {@code depth}. */
    void close(int at, int depth, String text) {
        edits.add(new Edit(at, at, text, -depth - 1_000_000, edits.size()));
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** Whether a replacement already covers any of {@code [start, end)}. */
    boolean replaces(int start, int end) {
        return edits.stream().anyMatch(e -> e.rank == REPLACEMENT_RANK && e.start < end && start < e.end);
    }

    String apply(String sql) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::rank).thenComparingInt(Edit::sequence));
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int copied = 0;
        for (Edit edit : sorted) {
            if (edit.start < copied) {
                throw new IllegalStateException("overlapping SQL edits at offset " + edit.start);
            }
            out.append(sql, copied, edit.start).append(edit.text);
            copied = edit.end;
        }
        return out.append(sql, copied, sql.length()).toString();
    }
}
