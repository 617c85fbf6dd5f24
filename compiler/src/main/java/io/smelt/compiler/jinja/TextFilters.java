package io.smelt.compiler.jinja;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The filters of {@link Filters} that reshape text: title case, indent, truncate, HTML and URL escaping. */
final class TextFilters {
    private TextFilters() {
    }

    static String title(String s) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            boolean sep = Character.isWhitespace(c) || "-({[<".indexOf(c) >= 0;
            b.append(sep ? c : start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = sep;
        }
        return b.toString();
    }

    static String indent(String s, Object width, boolean first, boolean blank) {
        String ind = width instanceof String w ? w : " ".repeat((int) PyOps.toLong(width));
        List<String> lines = new ArrayList<>(List.of((s + "\n").split("\n", -1)));
        lines.remove(lines.size() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                b.append('\n');
                if (blank || !line.isEmpty()) {
                    b.append(ind);
                }
            }
            b.append(line);
        }
        return (first ? ind : "") + b;
    }

    static String truncate(String s, int length, boolean killwords, String end, Object leeway) {
        int lee = leeway == null ? 5 : (int) PyOps.toLong(leeway);
        if (s.length() <= length + lee) {
            return s;
        }
        String cut = s.substring(0, Math.max(0, length - end.length()));
        if (killwords) {
            return cut + end;
        }
        int sp = cut.lastIndexOf(' ');
        return (sp >= 0 ? cut.substring(0, sp) : cut) + end;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }

    static String urlencode(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((key, val) -> parts.add(quote(PyStr.str(key), "") + "=" + quote(PyStr.str(val), "")));
            return String.join("&", parts);
        }
        return quote(PyStr.str(v), "/");
    }

    private static String quote(String s, String safe) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || "_.-~".indexOf(u) >= 0
                    || safe.indexOf(u) >= 0) {
                b.append((char) u);
            } else {
                b.append(String.format("%%%02X", u));
            }
        }
        return b.toString();
    }
}
