package io.smelt.compiler.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Orders candidate names by how close they are to what the user typed, for "did you mean" hints. */
final class Names {
    private Names() {
    }

    static List<String> closestFirst(String wanted, Collection<String> candidates) {
        List<String> sorted = new ArrayList<>(candidates);
        // stable sort: equally close names keep the file's order
        sorted.sort(Comparator.comparingInt(candidate -> distance(wanted, candidate)));
        return sorted;
    }

    /** The closest candidate when it is plausibly a typo of {@code wanted}, else null. */
    static String suggestion(String wanted, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(wanted, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, wanted.length() / 3) ? best : null;
    }

    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replace('_', '-');
        String y = b.toLowerCase(Locale.ROOT).replace('_', '-');
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
