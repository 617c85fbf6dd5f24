package io.smelt.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** {@code ls --output}: how each node is printed. */
enum LsOutput {
    SELECTOR, NAME, PATH, JSON;

    static final class Converter implements ITypeConverter<LsOutput> {
        @Override
        public LsOutput convert(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected one of name, path, json, selector but was '" + value + "'");
            }
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("selector", "name", "path", "json").iterator();
        }
    }
}
