package io.smelt.adapter.jdbc;

import io.smelt.adapter.Adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the type names dbt projects use (seeds' {@code column_types}, casts, contracts) to an
 * engine's, for {@link Adapter#mapType(String)}. This class handles what every engine reads the same
 * way: blank names, {@code element[]}, and the generic forms {@code array<element>}, {@code
 * map<key, value>} and {@code struct<name:type, ...>} (or {@code struct<name type, ...>}), whose
 * parts are mapped in turn, and the lookup of a scalar name's base in the engine's table. An engine
 * gives that table, how it spells the three container types, and what a known base becomes with its
 * arguments ({@link #known}). A generic form with the wrong number of parts, or any other, is passed
 * through as written.
 */
public abstract class TypeNameMapping {
    private final Map<String, String> names;
    private final String arrayForm;
    private final String mapForm;
    private final String structForm;

    /**
     * @param names the engine's type for each base name, in lower case
     * @param arrayForm the array type with {@code %s} for the element type, such as {@code array(%s)}
     * @param mapForm the map type with {@code %s} for the key and value types, such as {@code map(%s, %s)}
     * @param structForm the struct type with {@code %s} for its fields ({@code name type, ...}), such as {@code row(%s)}
     */
    protected TypeNameMapping(Map<String, String> names, String arrayForm, String mapForm, String structForm) {
        this.names = Map.copyOf(names);
        this.arrayForm = arrayForm;
        this.mapForm = mapForm;
        this.structForm = structForm;
    }

    /**
     * Maps one type name to the engine's.
     *
     * @param type the type name as the project wrote it
     * @return the engine's type name, or {@code type} itself when it is blank or not known
     */
    public final String translate(String type) {
        String trimmed = type.trim();
        if (trimmed.isEmpty()) {
            return type;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.endsWith("[]")) {
            return arrayOf(translate(trimmed.substring(0, trimmed.length() - 2)));
        }
        int angle = lower.indexOf('<');
        if (angle > 0 && lower.endsWith(">")) {
            return generic(lower.substring(0, angle).trim(), trimmed.substring(angle + 1, trimmed.length() - 1), type);
        }
        return scalar(type, trimmed, lower);
    }

    /**
     * Maps a name that is neither an array nor a generic form: its base name looked up in the
     * engine's table, then {@link #known}. An engine that reads some names before the lookup
     * overrides this.
     *
     * @param type the name as written
     * @param trimmed the name without surrounding blanks (never empty)
     * @param lower {@code trimmed} in lower case
     * @return the engine's type name, or {@code type} when it is not known
     */
    protected String scalar(String type, String trimmed, String lower) {
        ScalarName name = ScalarName.of(lower);
        String mapped = names.get(name.base());
        return mapped == null ? type : known(name, mapped);
    }

    /**
     * The engine's type for a known base name with the arguments written, such as {@code
     * decimal(10,2)}.
     *
     * @param mapped the engine's type for {@code name.base()}
     */
    protected abstract String known(ScalarName name, String mapped);

    /**
     * A scalar name split into its base name, lower-case with single spaces ({@code double
     * precision}), and its arguments without blanks ({@code (10,2)}, or empty).
     */
    protected record ScalarName(String base, String arguments) {
        public static ScalarName of(String lower) {
            int paren = lower.indexOf('(');
            String base = (paren < 0 ? lower : lower.substring(0, paren)).trim().replaceAll("\\s+", " ");
            return new ScalarName(base, paren < 0 ? "" : lower.substring(paren).replaceAll("\\s+", ""));
        }
    }

    /**
     * The rule most engines follow once a base name is mapped: {@code number} alone is {@code
     * decimal(38,0)}; arguments are kept for the types that take them and dropped for the others
     * ({@code int(11)}, {@code float(53)}).
     *
     * @param mapped the engine's type for {@code name.base()}
     * @param withArguments the engine's types that take arguments
     */
    protected static String keepingArguments(ScalarName name, String mapped, Set<String> withArguments) {
        if (name.arguments().isEmpty()) {
            return name.base().equals("number") ? "decimal(38,0)" : mapped;
        }
        return withArguments.contains(mapped) ? mapped + name.arguments() : mapped;
    }

    /**
     * Whether a column the model returns as {@code returned} (the engine's spelling) meets a contract
     * declaring {@code declared} (the project's), for {@link Adapter#contractTypeMatches}. Both names
     * are mapped, then compared by base name and arguments: a declared name without arguments takes
     * any ({@code varchar} takes {@code varchar(3)}, {@code timestamp} takes {@code timestamp(3)})
     * except {@code decimal}, whose bare name means the engine's default precision; a longer declared
     * length takes a shorter returned one ({@code varchar(10)} takes {@code varchar(3)}); otherwise
     * the arguments must be equal.
     */
    public final boolean contractMatches(String declared, String returned) {
        String[] mine = baseAndArguments(translate(declared));
        String[] theirs = baseAndArguments(translate(returned));
        if (!mine[0].equals(theirs[0])) {
            return false;
        }
        if (mine[1].equals(theirs[1])) {
            return true;
        }
        if (!declared.contains("(")) {
            return !mine[0].equals("decimal") && !mine[0].equals("numeric") || theirs[1].equals(defaultDecimalArguments());
        }
        if ((mine[0].equals("varchar") || mine[0].equals("char")) && !theirs[1].isEmpty()) {
            return Integer.parseInt(theirs[1].replaceAll("\\D", "")) <= Integer.parseInt(mine[1].replaceAll("\\D", ""));
        }
        return false;
    }

    /** The arguments a bare {@code decimal} has on this engine, such as {@code (38,0)}. */
    protected String defaultDecimalArguments() {
        return "(38,0)";
    }

    /** A type name lower-cased with single blanks, as its name without the first {@code (...)} and that group without blanks. */
    private static String[] baseAndArguments(String type) {
        String lower = type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int open = lower.indexOf('(');
        int close = open < 0 ? -1 : lower.indexOf(')', open);
        if (open < 0 || close < 0 || lower.indexOf('<') >= 0 && lower.indexOf('<') < open) {
            return new String[] {lower.replace(" ", ""), ""};
        }
        String base = (lower.substring(0, open) + lower.substring(close + 1)).trim().replaceAll("\\s+", " ");
        return new String[] {base, lower.substring(open, close + 1).replace(" ", "")};
    }

    private String arrayOf(String element) {
        return String.format(arrayForm, element);
    }

    private String mapOf(String key, String value) {
        return String.format(mapForm, key, value);
    }

    private String structOf(List<String> fields) {
        return String.format(structForm, String.join(", ", fields));
    }

    private String generic(String base, String inner, String original) {
        List<String> parts = splitTopLevel(inner);
        switch (base) {
            case "array":
                return parts.size() == 1 ? arrayOf(translate(parts.get(0))) : original;
            case "map":
                return parts.size() == 2 ? mapOf(translate(parts.get(0)), translate(parts.get(1))) : original;
            case "struct":
                List<String> fields = new ArrayList<>();
                for (String part : parts) {
                    String field = part.trim();
                    int split = field.indexOf(':') > 0 ? field.indexOf(':') : field.indexOf(' ');
                    if (split <= 0) {
                        return original;
                    }
                    fields.add(field.substring(0, split).trim() + " " + translate(field.substring(split + 1)));
                }
                return structOf(fields);
            default:
                return original;
        }
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            }
            else if (c == '>' || c == ')') {
                depth--;
            }
            else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }
}
