package io.smelt.compiler.jinja;

import com.hubspot.jinjava.el.ext.ExtendedScanner;
import jinjava.de.odysseus.el.tree.impl.Scanner;

import java.util.Set;

/**
 * jinjava's expression scanner with Python's names and strings: EL keywords that are ordinary names in
 * Jinja ({@code div}, {@code mod}, {@code empty}, {@code eq}...) scan as identifiers, and string escapes
 * follow Python (an unknown escape such as {@code '\d'} keeps its backslash), and {@code +} is always the
 * plus sign (jinjava scans {@code +1} as a unary operator token, so {@code j+1} failed to parse).
 */
final class PyScanner extends ExtendedScanner {
    private static final Set<String> PLAIN_NAMES =
            Set.of("div", "mod", "empty", "eq", "ne", "lt", "gt", "le", "ge", "instanceof", "null");

    PyScanner(String input) {
        super(input);
    }

    @Override
    protected Scanner.Token keyword(String s) {
        return PLAIN_NAMES.contains(s) ? null : super.keyword(s);
    }

    @Override
    protected Scanner.Token nextEval() throws ScanException {
        if (getInput().charAt(getPosition()) == '+') {
            return fixed(Symbol.PLUS);
        }
        return super.nextEval();
    }

    @Override
    protected Scanner.Token nextString() throws ScanException {
        builder.setLength(0);
        String input = getInput();
        int start = getPosition();
        char quote = input.charAt(start);
        int i = start + 1;
        int l = input.length();
        while (i < l) {
            char c = input.charAt(i++);
            if (c == quote) {
                return token(Symbol.STRING, builder.toString(), i - start);
            }
            if (c != '\\') {
                builder.append(c);
                continue;
            }
            if (i == l) {
                break;
            }
            char e = input.charAt(i++);
            switch (e) {
                case '\\', '\'', '"' -> builder.append(e);
                case 'n' -> builder.append('\n');
                case 't' -> builder.append('\t');
                case 'r' -> builder.append('\r');
                case 'b' -> builder.append('\b');
                case 'f' -> builder.append('\f');
                case 'a' -> builder.append('\007');
                case 'v' -> builder.append('\013');
                case '0' -> builder.append('\0');
                case '\n' -> {
                }
                case 'x', 'u', 'U' -> {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n <= l && input.substring(i, i + n).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                        builder.appendCodePoint(Integer.parseInt(input.substring(i, i + n), 16));
                        i += n;
                    } else {
                        builder.append('\\').append(e);
                    }
                }
                default -> builder.append('\\').append(e);
            }
        }
        throw new ScanException(start, "unterminated string", String.valueOf(quote));
    }
}
