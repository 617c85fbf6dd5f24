package io.smelt.compiler.check;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a position in rendered SQL was written in its template: the template line that reads
 * the same (most lines have no Jinja), else the line nearest that holds the name at fault, else the
 * rendered position itself.
 */
final class TemplateLocator {
    private TemplateLocator() {
    }

    /** A 1-based line and column in {@code template}; {@code exact} is false when only the rendered position was known. */
    record Located(int line, int column, boolean exact) {
    }

    static Located locate(String template, String rendered, int line, int column, String name) {
        String[] out = rendered.split("\n", -1);
        String[] in = template.split("\n", -1);
        if (line < 1 || line > out.length) {
            return new Located(Math.max(1, line), Math.max(1, column), false);
        }
        String target = out[line - 1];
        String content = target.strip();
        int best = -1;
        if (!content.isEmpty()) {
            for (int i = 0; i < in.length; i++) {
                if (in[i].strip().equals(content) && (best < 0 || Math.abs(i - (line - 1)) < Math.abs(best - (line - 1)))) {
                    best = i;
                }
            }
        }
        if (best >= 0) {
            int shift = in[best].indexOf(content) - target.indexOf(content);
            return new Located(best + 1, Math.max(1, column + shift), true);
        }
        // the same text up to and including the first character at fault (Jinja only further right)
        String prefix = target.substring(0, Math.min(target.length(), Math.max(0, column))).stripLeading();
        if (!prefix.isBlank()) {
            for (int i = 0; i < in.length; i++) {
                if (in[i].stripLeading().startsWith(prefix) && (best < 0 || Math.abs(i - (line - 1)) < Math.abs(best - (line - 1)))) {
                    best = i;
                }
            }
            if (best >= 0) {
                int indentIn = in[best].length() - in[best].stripLeading().length();
                int indentOut = target.length() - target.stripLeading().length();
                return new Located(best + 1, Math.max(1, column + indentIn - indentOut), true);
            }
        }
        if (name != null && !name.isEmpty()) {
            Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![\\w$])");
            int bestColumn = -1;
            for (int i = 0; i < in.length; i++) {
                Matcher m = word.matcher(in[i].toLowerCase(Locale.ROOT));
                while (m.find()) {
                    boolean closer = best < 0 || Math.abs(i - (line - 1)) < Math.abs(best - (line - 1))
                            || (i == best && Math.abs(m.start() + 1 - column) < Math.abs(bestColumn - column));
                    if (closer) {
                        best = i;
                        bestColumn = m.start() + 1;
                    }
                }
            }
            if (best >= 0) {
                return new Located(best + 1, bestColumn, true);
            }
        }
        return new Located(line, column, false);
    }
}
