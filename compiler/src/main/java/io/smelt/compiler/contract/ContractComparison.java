package io.smelt.compiler.contract;

import io.smelt.adapter.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

import static java.util.Objects.requireNonNull;

/**
 * Compares the columns a contract declares with the columns a model returns. Pure: the caller says
 * where the returned columns come from (the engine, at build time; the SQL analyser, at compile
 * time) and how two type names compare (the adapter's {@code contractTypeMatches}), so both checks
 * find the same breaches and say them the same way. Names match case-insensitively, as unquoted
 * identifiers do on every engine; order does not matter, since the table is built in declared order.
 */
public final class ContractComparison {
    /** What is wrong with one column. */
    public enum Kind {
        /** declared and returned, with another type */
        TYPE,
        /** declared, not returned */
        MISSING,
        /** returned, not declared */
        EXTRA
    }

    /**
     * One column that breaks the contract.
     *
     * @param declaredType the type the contract declares, null for an {@link Kind#EXTRA} column
     * @param returnedType the type the model returns, null for a {@link Kind#MISSING} column
     */
    public record Breach(Kind kind, String column, String declaredType, String returnedType) {
        public Breach {
            requireNonNull(kind, "kind is null");
            requireNonNull(column, "column is null");
        }

        /** {@code id: declared integer, returned varchar}. */
        public String describe() {
            return switch (kind) {
                case TYPE -> column + ": declared " + declaredType + ", returned " + returnedType;
                case MISSING -> column + ": declared " + declaredType + ", not returned by the model";
                case EXTRA -> column + ": returned " + returnedType + ", not declared in the contract";
            };
        }
    }

    private ContractComparison() {
    }

    /**
     * The breaches, declared columns first (in declared order), then the extra ones (in returned
     * order); empty when the model meets its contract.
     *
     * @param sameType whether a declared type (as written) is met by a returned type
     */
    public static List<Breach> compare(List<Column> declared, List<Column> returned, BiPredicate<String, String> sameType) {
        Map<String, Column> byName = new LinkedHashMap<>();
        returned.forEach(c -> byName.putIfAbsent(key(c.name()), c));
        List<Breach> breaches = new ArrayList<>();
        for (Column column : declared) {
            Column actual = byName.remove(key(column.name()));
            if (actual == null) {
                breaches.add(new Breach(Kind.MISSING, column.name(), column.dataType(), null));
            }
            else if (!sameType.test(column.dataType(), actual.dataType())) {
                breaches.add(new Breach(Kind.TYPE, column.name(), column.dataType(), actual.dataType()));
            }
        }
        byName.values().forEach(c -> breaches.add(new Breach(Kind.EXTRA, c.name(), null, c.dataType())));
        return breaches;
    }

    /** The message of a failed check: one line per breach under a line naming the model. */
    public static String message(String model, List<Breach> breaches) {
        StringBuilder text = new StringBuilder("model '" + model + "' does not meet its contract ("
                + breaches.size() + (breaches.size() == 1 ? " column" : " columns") + "):");
        breaches.forEach(b -> text.append("\n    ").append(b.describe()));
        return text.toString();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
