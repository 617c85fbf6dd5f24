package io.smelt.compiler.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** "did you mean" hints: the known names closest to a misspelt one by Levenshtein distance. */
public final class NameSuggestions {
    private NameSuggestions() {
    }

    /** Up to {@code limit} names within a small distance of {@code wanted}, closest first. */
    public static List<String> closest(String wanted, Iterable<String> known, int limit) {
        int threshold = Math.max(2, wanted.length() / 3);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : known) {
            if (name.equals(wanted) || Math.abs(name.length() - wanted.length()) > threshold || !seen.add(name)) {
                continue;
            }
            int distance = distance(wanted, name, threshold);
            if (distance <= threshold) {
                scored.add(new Scored(name, distance));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, scored.size()); i++) {
            names.add(scored.get(i).name());
        }
        return names;
    }

    /** {@code did you mean 'a', 'b' or 'c'?}, or null when there is nothing to suggest. */
    public static String hint(String wanted, Iterable<String> known) {
        List<String> names = closest(wanted, known, 3);
        if (names.isEmpty()) {
            return null;
        }
        StringBuilder hint = new StringBuilder("did you mean ");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                hint.append(i == names.size() - 1 ? " or " : ", ");
            }
            hint.append('\'').append(names.get(i)).append('\'');
        }
        return hint.append('?').toString();
    }

    /** Levenshtein distance, giving up with {@code limit + 1} once every path exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
