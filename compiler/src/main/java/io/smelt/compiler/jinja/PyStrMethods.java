package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.smelt.compiler.jinja.PyMethods.arg;

/** Python's {@code str} methods. */
final class PyStrMethods {
    private PyStrMethods() {
    }

    static Object call(String s, String name, List<Object> args, Map<String, Object> kw) {
        return switch (name) {
            case "lower", "casefold" -> s.toLowerCase(java.util.Locale.ROOT);
            case "upper" -> s.toUpperCase(java.util.Locale.ROOT);
            case "strip" -> strip(s, arg(args, kw, 0, "chars", null), true, true);
            case "lstrip" -> strip(s, arg(args, kw, 0, "chars", null), true, false);
            case "rstrip" -> strip(s, arg(args, kw, 0, "chars", null), false, true);
            case "startswith" -> affix(s, args.get(0), true);
            case "endswith" -> affix(s, args.get(0), false);
            case "replace" -> replace(s, str(args.get(0)), str(args.get(1)),
                    args.size() > 2 ? PyOps.toLong(args.get(2)) : -1);
            case "split" -> split(s, arg(args, kw, 0, "sep", null), PyOps.toLong(arg(args, kw, 1, "maxsplit", -1L)));
            case "rsplit" -> rsplit(s, arg(args, kw, 0, "sep", null), PyOps.toLong(arg(args, kw, 1, "maxsplit", -1L)));
            case "splitlines" -> splitlines(s);
            case "join" -> {
                StringBuilder b = new StringBuilder();
                List<Object> items = PyOps.iterate(args.get(0));
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        b.append(s);
                    }
                    if (!(items.get(i) instanceof String)) {
                        throw PyException.typeError("sequence item " + i + ": expected str instance, "
                                + PyOps.typeName(items.get(i)) + " found");
                    }
                    b.append((String) items.get(i));
                }
                yield b.toString();
            }
            case "format" -> PyFormat.format(s, args, kw);
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + s.substring(1).toLowerCase(java.util.Locale.ROOT);
            case "swapcase" -> {
                StringBuilder b = new StringBuilder();
                for (char c : s.toCharArray()) {
                    b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
                yield b.toString();
            }
            case "count" -> {
                String sub = str(args.get(0));
                if (sub.isEmpty()) {
                    yield (long) s.length() + 1;
                }
                long c = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
                    c++;
                }
                yield c;
            }
            case "find" -> (long) s.indexOf(str(args.get(0)), args.size() > 1 ? (int) PyOps.toLong(args.get(1)) : 0);
            case "rfind" -> (long) s.lastIndexOf(str(args.get(0)));
            case "index", "rindex" -> {
                int i = name.equals("index") ? s.indexOf(str(args.get(0))) : s.lastIndexOf(str(args.get(0)));
                if (i < 0) {
                    throw new PyException("substring not found");
                }
                yield (long) i;
            }
            case "isdigit", "isdecimal", "isnumeric" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace" -> !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "isascii" -> s.chars().allMatch(c -> c < 128);
            case "isidentifier" -> s.matches("[A-Za-z_][A-Za-z0-9_]*");
            case "islower" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(java.util.Locale.ROOT));
            case "isupper" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(java.util.Locale.ROOT));
            case "istitle" -> s.chars().anyMatch(Character::isLetter) && s.equals(title(s));
            case "ljust", "rjust", "center" -> pad(s, name, (int) PyOps.toLong(args.get(0)),
                    args.size() > 1 ? str(args.get(1)) : " ");
            case "zfill" -> {
                int width = (int) PyOps.toLong(args.get(0));
                if (s.length() >= width) {
                    yield s;
                }
                boolean sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
                String zeros = "0".repeat(width - s.length());
                yield sign ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
            }
            case "partition", "rpartition" -> {
                String sep = str(args.get(0));
                int i = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (i < 0) {
                    yield name.equals("partition") ? PyTuple.of(s, "", "") : PyTuple.of("", "", s);
                }
                yield PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
            }
            case "removeprefix" -> s.startsWith(str(args.get(0))) ? s.substring(str(args.get(0)).length()) : s;
            case "removesuffix" -> !str(args.get(0)).isEmpty() && s.endsWith(str(args.get(0)))
                    ? s.substring(0, s.length() - str(args.get(0)).length()) : s;
            case "encode" -> s;
            default -> throw new PyException("'str' object has no attribute '" + name + "'");
        };
    }

    private static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        throw PyException.typeError("must be str, not " + PyOps.typeName(o));
    }

    static String strip(String s, Object chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        String set = chars == null ? null : str(chars);
        while (left && start < end && (set == null ? Character.isWhitespace(s.charAt(start))
                : set.indexOf(s.charAt(start)) >= 0)) {
            start++;
        }
        while (right && end > start && (set == null ? Character.isWhitespace(s.charAt(end - 1))
                : set.indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean affix(String s, Object what, boolean prefix) {
        if (what instanceof List<?> options) {
            for (Object o : options) {
                if (prefix ? s.startsWith(str(o)) : s.endsWith(str(o))) {
                    return true;
                }
            }
            return false;
        }
        return prefix ? s.startsWith(str(what)) : s.endsWith(str(what));
    }

    static String replace(String s, String old, String repl, long count) {
        if (count < 0) {
            return s.replace(old, repl);
        }
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (long n = 0; n < count; n++) {
            int i = s.indexOf(old, from);
            if (i < 0) {
                break;
            }
            b.append(s, from, i).append(repl);
            from = i + old.length();
            if (old.isEmpty()) {
                if (from < s.length()) {
                    b.append(s.charAt(from));
                }
                from++;
            }
        }
        if (from <= s.length()) {
            b.append(s.substring(Math.min(from, s.length())));
        }
        return b.toString();
    }

    static List<Object> split(String s, Object sepObj, long max) {
        List<Object> out = new ArrayList<>();
        if (sepObj == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (max >= 0 && out.size() >= max) {
                    out.add(strip(s.substring(i), null, false, true));
                    break;
                }
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
            return out;
        }
        String sep = str(sepObj);
        if (sep.isEmpty()) {
            throw new PyException("ValueError: empty separator");
        }
        int from = 0;
        while (max < 0 || out.size() < max) {
            int i = s.indexOf(sep, from);
            if (i < 0) {
                break;
            }
            out.add(s.substring(from, i));
            from = i + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static List<Object> rsplit(String s, Object sepObj, long max) {
        if (max < 0) {
            return split(s, sepObj, max);
        }
        if (sepObj == null) {
            List<Object> parts = split(s, null, -1);
            if (parts.size() <= max + 1) {
                return parts;
            }
            int keep = (int) (parts.size() - max);
            String trimmed = strip(s, null, false, true);
            int cut = trimmed.length();
            for (int k = 0; k < max; k++) {
                cut = trimmed.lastIndexOf((String) parts.get(parts.size() - 1 - k), cut);
            }
            List<Object> out = new ArrayList<>();
            out.add(strip(trimmed.substring(0, cut), null, false, true));
            out.addAll(parts.subList(keep, parts.size()));
            return out;
        }
        String sep = str(sepObj);
        List<Object> out = new ArrayList<>();
        int end = s.length();
        while (out.size() < max) {
            int i = s.lastIndexOf(sep, end - sep.length());
            if (i < 0 || end - sep.length() < 0) {
                break;
            }
            out.add(0, s.substring(i + sep.length(), end));
            end = i;
        }
        out.add(0, s.substring(0, end));
        return out;
    }

    private static List<Object> splitlines(String s) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean prevCased = false;
        for (char c : s.toCharArray()) {
            b.append(prevCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            prevCased = Character.isLetter(c);
        }
        return b.toString();
    }

    static String pad(String s, String how, int width, String fill) {
        int missing = width - s.length();
        if (missing <= 0) {
            return s;
        }
        return switch (how) {
            case "ljust" -> s + fill.repeat(missing);
            case "rjust" -> fill.repeat(missing) + s;
            default -> {
                int left = missing / 2 + (missing & width & 1);
                yield fill.repeat(left) + s + fill.repeat(missing - left);
            }
        };
    }
}
