package io.smelt.compiler.graph;

import io.smelt.compiler.diag.SourcePosition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One entry under {@code unit_tests:}: the model it tests, the rows each input gives and the rows the
 * model must return.
 *
 * @param given the mocked inputs, in file order
 * @param macros {@code overrides.macros}: a macro name and the value the macro returns
 * @param vars {@code overrides.vars}
 * @param envVars {@code overrides.env_vars}
 * @param config {@code config:} as written ({@code tags}, {@code enabled}, {@code meta})
 * @param versions {@code versions:} of a versioned model to test ({@code include} / {@code exclude} lists); empty for all
 */
public record UnitTestSpec(String name, String model, String description, List<Given> given, Fixture expect,
        Map<String, Object> macros, Map<String, Object> vars, Map<String, String> envVars, Map<String, Object> config,
        Map<String, Object> versions, SourcePosition at) {
    public UnitTestSpec {
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
        requireNonNull(expect, "expect is null");
        description = description == null ? "" : description;
        given = List.copyOf(given);
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        envVars = Collections.unmodifiableMap(new LinkedHashMap<>(envVars));
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /** Whether a unit test of a versioned model tests version {@code v}, as its include / exclude lists say. */
    public boolean testsVersion(String v) {
        Object include = versions.get("include");
        Object exclude = versions.get("exclude");
        if (include instanceof List<?> list && list.stream().noneMatch(item -> ModelVersions.sameVersion(ModelVersions.text(item), v))) {
            return false;
        }
        return !(exclude instanceof List<?> list && list.stream().anyMatch(item -> ModelVersions.sameVersion(ModelVersions.text(item), v)));
    }

    /** The same test with each fixture (inputs and expect) replaced as {@code resolve} says. */
    public UnitTestSpec withFixtures(java.util.function.UnaryOperator<Fixture> resolve) {
        List<Given> resolved = given.stream().map(g -> new Given(g.input(), resolve.apply(g.fixture()), g.at())).toList();
        return new UnitTestSpec(name, model, description, resolved, resolve.apply(expect), macros, vars, envVars, config, versions,
                at);
    }

    /** The given for {@code this} (the model's existing table), or null. */
    public Given givenThis() {
        return given.stream().filter(g -> g.input().strip().equals("this")).findFirst().orElse(null);
    }

    /**
     * One mocked input.
     *
     * @param input as written: {@code ref('orders')}, {@code source('shop', 'orders')} or {@code this}
     */
    public record Given(String input, Fixture fixture, SourcePosition at) {
        private static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile(
                "^\\s*ref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?(?:,\\s*v(?:ersion)?\\s*=\\s*['\"]?([^'\")]+)['\"]?\\s*)?\\)\\s*$");
        private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile(
                "^\\s*source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*$");

        public Given {
            requireNonNull(input, "input is null");
            requireNonNull(fixture, "fixture is null");
        }

        public boolean isThis() {
            return input.strip().equals("this");
        }

        /** For {@code ref(...)}: the call, with the input's line; else null. */
        public RefCall ref() {
            java.util.regex.Matcher m = REF.matcher(input);
            if (!m.matches()) {
                return null;
            }
            int line = at == null ? 0 : at.line();
            return m.group(2) == null ? new RefCall(null, m.group(1), m.group(3), line) : new RefCall(m.group(1), m.group(2), m.group(3), line);
        }

        /** For {@code source(...)}: the call; else null. */
        public SourceCall source() {
            java.util.regex.Matcher m = SOURCE.matcher(input);
            return m.matches() ? new SourceCall(m.group(1), m.group(2), at == null ? 0 : at.line()) : null;
        }
    }

    /**
     * Rows in one of dbt's formats. For {@code dict} and {@code csv} the rows are read at parse time
     * (csv values are text, an empty field is null); for {@code sql} {@code sql} is a query.
     *
     * @param format {@code dict}, {@code csv} or {@code sql}
     */
    public record Fixture(String format, List<Map<String, Object>> rows, String sql, SourcePosition at, String file) {
        public Fixture {
            requireNonNull(format, "format is null");
            rows = rows == null ? List.of() : rows.stream().map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList();
        }

        /** Rows written in the properties file. */
        public Fixture(String format, List<Map<String, Object>> rows, String sql, SourcePosition at) {
            this(format, rows, sql, at, null);
        }

        /** A {@code fixture:} file's rows: its text is CSV or a SELECT, as the format says. */
        public Fixture withFileText(String text) {
            return format.equals("sql") ? new Fixture(format, null, text, at, file) : new Fixture(format, csvRows(text), null, at, file);
        }

        /** Column names in first-seen order over all rows. */
        public List<String> columns() {
            java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
            rows.forEach(row -> columns.addAll(row.keySet()));
            return List.copyOf(columns);
        }

        /** A header line, then one row a line; an empty field is null. Double quotes enclose commas. */
        public static List<Map<String, Object>> csvRows(String text) {
            List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            if (lines.isEmpty()) {
                return rows;
            }
            List<String> header = csvFields(lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                List<String> values = csvFields(line);
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = i < values.size() ? values.get(i) : null;
                    row.put(header.get(i).strip(), value == null || value.isEmpty() ? null : value);
                }
                rows.add(row);
            }
            return rows;
        }

        private static List<String> csvFields(String line) {
            List<String> out = new java.util.ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    }
                    else {
                        quoted = !quoted;
                    }
                }
                else if (c == ',' && !quoted) {
                    out.add(field.toString().strip());
                    field.setLength(0);
                }
                else {
                    field.append(c);
                }
            }
            out.add(field.toString().strip());
            return out;
        }
    }
}
