package io.smelt.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** {@code --log-format}: lines for people, or one JSON object per event for programs. */
public enum LogFormat {
    TEXT, JSON;

    public String spelled() {
        return name().toLowerCase(Locale.ROOT);
    }

    static final class Converter implements ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            for (LogFormat format : values()) {
                if (format.spelled().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new TypeConversionException("expected text or json but was '" + value + "'");
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("text", "json").iterator();
        }
    }
}
