package io.smelt.adapter.jdbc;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.SeedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The columns of the table a seed is loaded into: each column of the CSV's header with its type,
 * the seed's {@code column_types} entry when it has one (matched by {@link SeedTypeGuess#fixedType}),
 * else the engine's name for what {@link SeedTypeGuess} infers from the values. An entry for a
 * column the file lacks is ignored, as in dbt.
 */
public final class SeedColumns {
    private SeedColumns() {
    }

    /** A column of the seed's table. */
    public record SeedColumn(String name, String type) {
    }

    /**
     * The seed's delimiter character.
     *
     * @throws AdapterConfigException if the seed's {@code delimiter} is not one character
     */
    public static char delimiter(SeedFile seed) {
        if (seed.delimiter().length() != 1) {
            throw new AdapterConfigException("seed option 'delimiter' must be one character, got '" + seed.delimiter() + "'");
        }
        return seed.delimiter().charAt(0);
    }

    /**
     * Reads the seed's CSV once and types each column.
     *
     * @param typeName the engine's type for an inferred kind
     * @param fixedType what becomes of a {@code column_types} entry, such as the adapter's {@code mapType}
     * @throws io.smelt.adapter.EngineException when the file is empty, a header name is missing or a row is ragged
     */
    public static List<SeedColumn> of(SeedFile seed, Function<SeedTypeGuess.Kind, String> typeName, UnaryOperator<String> fixedType) {
        List<SeedColumn> columns = new ArrayList<>();
        for (SeedTypeGuess.Guessed column : SeedTypeGuess.guess(seed.csv(), delimiter(seed))) {
            String fixed = SeedTypeGuess.fixedType(seed.columnTypes(), column.name());
            columns.add(new SeedColumn(column.name(), fixed != null ? fixedType.apply(fixed) : typeName.apply(column.kind())));
        }
        return columns;
    }

    /**
     * The column list of a {@code CREATE TABLE}: {@code name type, ...}, each name quoted with {@code
     * quote} when the seed quotes columns and written as is otherwise, as dbt does with {@code
     * quote_columns: false}.
     */
    public static String definitions(List<SeedColumn> columns, SeedFile seed, UnaryOperator<String> quote) {
        List<String> definitions = new ArrayList<>();
        for (SeedColumn column : columns) {
            definitions.add((seed.quoteColumns() ? quote.apply(column.name()) : column.name()) + " " + column.type());
        }
        return String.join(", ", definitions);
    }
}
