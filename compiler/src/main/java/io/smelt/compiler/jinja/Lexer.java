package io.smelt.compiler.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smelt.compiler.jinja.Token.Type;

/**
 * Splits a template into tokens the way Jinja2's lexer does with dbt's settings: no trim_blocks, no
 * lstrip_blocks, one trailing newline dropped, {@code \r\n} read as {@code \n}, {@code -} trimming
 * whitespace (newlines included) next to a tag.
 */
final class Lexer {
    private static final Pattern RAW_BEGIN = Pattern.compile("\\{%(-?)\\s*raw\\s*(-?)%}");
    private static final Pattern RAW_END = Pattern.compile("\\{%(-?)\\s*endraw\\s*(-?)%}");
    private static final String OPERATORS = "+-/*%~[](){}><=.:|,;";

    private final String src;
    private final int n;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean lstripNext;

    private Lexer(String src) {
        this.src = src;
        this.n = src.length();
    }

    /** Jinja2 reads {@code \r\n} and {@code \r} as {@code \n} and drops one trailing newline. */
    static String normalize(String text) {
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Tokens of an already {@link #normalize normalized} source, ending with EOF. */
    static List<Token> tokenize(String normalized) {
        Lexer lexer = new Lexer(normalized);
        lexer.run();
        return lexer.out;
    }

    private void run() {
        while (pos < n) {
            int start = src.indexOf('{', pos);
            while (start >= 0 && (start + 1 >= n || "{%#".indexOf(src.charAt(start + 1)) < 0)) {
                start = src.indexOf('{', start + 1);
            }
            if (start < 0) {
                emitData(n, false);
                break;
            }
            char kind = src.charAt(start + 1);
            boolean minus = start + 2 < n && src.charAt(start + 2) == '-';
            if (kind == '%') {
                Matcher raw = RAW_BEGIN.matcher(src).region(start, n);
                if (raw.lookingAt()) {
                    emitData(start, !raw.group(1).isEmpty());
                    lexRaw(raw);
                    continue;
                }
            }
            emitData(start, minus);
            if (kind == '#') {
                lexComment(start, minus);
            } else {
                lexTag(kind == '%', start, minus);
            }
        }
        Token last = out.isEmpty() ? null : out.get(out.size() - 1);
        out.add(new Token(Type.EOF, "", null, last == null ? 1 : last.line(), 0, n));
    }

    private void emitData(int end, boolean rstrip) {
        int from = pos;
        if (lstripNext) {
            while (from < end && Character.isWhitespace(src.charAt(from))) {
                from++;
            }
            lstripNext = false;
        }
        int to = end;
        if (rstrip) {
            while (to > from && Character.isWhitespace(src.charAt(to - 1))) {
                to--;
            }
        }
        advanceTo(from);
        if (to > from) {
            out.add(new Token(Type.DATA, src.substring(from, to), null, line, from - lineStart + 1, from));
        }
        advanceTo(end);
    }

    private void advanceTo(int target) {
        for (int i = pos; i < target; i++) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = target;
    }

    private void lexComment(int start, boolean minus) {
        int end = src.indexOf("#}", start + (minus ? 3 : 2));
        if (end < 0) {
            throw new TemplateSyntaxError("Missing end of comment tag", line, start - lineStart + 1);
        }
        lstripNext = end > start + 2 && src.charAt(end - 1) == '-';
        advanceTo(end + 2);
    }

    private void lexRaw(Matcher begin) {
        int contentStart = begin.end();
        Matcher end = RAW_END.matcher(src);
        if (!end.find(contentStart)) {
            throw new TemplateSyntaxError("Missing end of raw directive", line, pos - lineStart + 1);
        }
        advanceTo(contentStart);
        lstripNext = !begin.group(2).isEmpty();
        emitData(end.start(), !end.group(1).isEmpty());
        advanceTo(end.end());
        lstripNext = !end.group(2).isEmpty();
    }

    private void lexTag(boolean block, int start, boolean minus) {
        out.add(new Token(block ? Type.BLOCK_BEGIN : Type.VARIABLE_BEGIN, block ? "{%" : "{{", null, line,
                start - lineStart + 1, start));
        advanceTo(start + (minus ? 3 : 2));
        Deque<Character> balance = new ArrayDeque<>();
        char endChar = block ? '%' : '}';
        Type endType = block ? Type.BLOCK_END : Type.VARIABLE_END;
        while (true) {
            while (pos < n && Character.isWhitespace(src.charAt(pos))) {
                advanceTo(pos + 1);
            }
            if (pos >= n) {
                return;
            }
            char c = src.charAt(pos);
            if (balance.isEmpty()) {
                if (c == '-' && pos + 2 < n && src.charAt(pos + 1) == endChar && src.charAt(pos + 2) == '}') {
                    out.add(new Token(endType, "-" + endChar + "}", null, line, col(), pos));
                    advanceTo(pos + 3);
                    lstripNext = true;
                    return;
                }
                if (c == endChar && pos + 1 < n && src.charAt(pos + 1) == '}') {
                    out.add(new Token(endType, endChar + "}", null, line, col(), pos));
                    advanceTo(pos + 2);
                    return;
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int s = pos;
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                out.add(new Token(Type.NAME, src.substring(s, pos), null, line, s - lineStart + 1, s));
            } else if (c >= '0' && c <= '9') {
                lexNumber();
            } else if (c == '\'' || c == '"') {
                lexString(c);
            } else {
                lexOperator(c, balance);
            }
        }
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private void lexNumber() {
        int s = pos;
        boolean afterDot = !out.isEmpty() && out.get(out.size() - 1).isOp(".");
        if (src.charAt(pos) == '0' && pos + 1 < n && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            char base = Character.toLowerCase(src.charAt(pos + 1));
            pos += 2;
            int ds = pos;
            while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String digits = src.substring(ds, pos).replace("_", "");
            int radix = base == 'x' ? 16 : base == 'o' ? 8 : 2;
            try {
                out.add(new Token(Type.INTEGER, src.substring(s, pos), Long.parseLong(digits, radix), line,
                        s - lineStart + 1, s));
            } catch (NumberFormatException e) {
                throw new TemplateSyntaxError("invalid number " + src.substring(s, pos), line, s - lineStart + 1);
            }
            return;
        }
        scanDigits();
        boolean isFloat = false;
        if (!afterDot && pos + 1 < n && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            scanDigits();
            isFloat = true;
        }
        if (!afterDot && pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < n && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < n && Character.isDigit(src.charAt(pos))) {
                scanDigits();
                isFloat = true;
            } else {
                pos = save;
            }
        }
        String text = src.substring(s, pos);
        String clean = text.replace("_", "");
        Object value = isFloat ? (Object) Double.parseDouble(clean) : parseInteger(clean);
        out.add(new Token(isFloat ? Type.FLOAT : Type.INTEGER, text, value, line, s - lineStart + 1, s));
    }

    private static Object parseInteger(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return new java.math.BigInteger(digits);
        }
    }

    private void scanDigits() {
        while (pos < n && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
    }

    private void lexString(char quote) {
        int s = pos;
        int startLine = line;
        int startCol = col();
        int i = pos + 1;
        while (i < n && src.charAt(i) != quote) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= n) {
            throw new TemplateSyntaxError("unexpected char " + PyStr.repr(String.valueOf(quote)) + " at " + s,
                    startLine, startCol);
        }
        String raw = src.substring(s + 1, i);
        advanceTo(i + 1);
        out.add(new Token(Type.STRING, src.substring(s, i + 1), unescape(raw), startLine, startCol, s));
    }

    private void lexOperator(char c, Deque<Character> balance) {
        int s = pos;
        String op = null;
        if (pos + 1 < n) {
            String two = src.substring(pos, pos + 2);
            if (two.equals("//") || two.equals("**") || two.equals("==") || two.equals("!=") || two.equals(">=")
                    || two.equals("<=")) {
                op = two;
            }
        }
        if (op == null) {
            if (OPERATORS.indexOf(c) < 0) {
                throw new TemplateSyntaxError("unexpected char " + PyStr.repr(String.valueOf(c)) + " at " + pos, line,
                        col());
            }
            op = String.valueOf(c);
        }
        if (c == '(' || c == '[' || c == '{') {
            balance.push(c == '(' ? ')' : c == '[' ? ']' : '}');
        } else if (c == ')' || c == ']' || c == '}') {
            if (balance.isEmpty()) {
                throw new TemplateSyntaxError("unexpected '" + c + "'", line, col());
            }
            char expected = balance.pop();
            if (expected != c) {
                throw new TemplateSyntaxError("unexpected '" + c + "', expected '" + expected + "'", line, col());
            }
        }
        out.add(new Token(Type.OPERATOR, op, null, line, s - lineStart + 1, s));
        pos += op.length();
    }

    /** Python's string-literal escapes; unknown escapes keep their backslash, as in Python. */
    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                b.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case '\\', '\'', '"' -> b.append(e);
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'v' -> b.append('\u000b');
                case '\n' -> { }
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + len < raw.length() + 0 && i + len <= raw.length() - 1 + 1
                            && raw.substring(i + 1, Math.min(raw.length(), i + 1 + len)).matches("[0-9a-fA-F]{" + len + "}")) {
                        b.appendCodePoint(Integer.parseInt(raw.substring(i + 1, i + 1 + len), 16));
                        i += len;
                    } else {
                        b.append('\\').append(e);
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int j = i;
                        while (j < raw.length() && j < i + 3 && raw.charAt(j) >= '0' && raw.charAt(j) <= '7') {
                            j++;
                        }
                        b.append((char) Integer.parseInt(raw.substring(i, j), 8));
                        i = j - 1;
                    } else {
                        b.append('\\').append(e);
                    }
                }
            }
        }
        return b.toString();
    }
}
