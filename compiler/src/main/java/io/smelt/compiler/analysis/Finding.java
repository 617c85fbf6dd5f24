package io.smelt.compiler.analysis;

/**
 * Something the analyser is sure the engine will refuse: {@code line}/{@code column} (1-based) are in
 * the SQL analysed; {@code name} is the identifier at fault, if any, for finding it in the template.
 */
public record Finding(Kind kind, String message, int line, int column, String name, String hint) {
    public enum Kind {
        UNKNOWN_COLUMN("unknown column"),
        UNKNOWN_RELATION("unknown relation"),
        AMBIGUOUS_COLUMN("ambiguous column"),
        SET_OPERATION_MISMATCH("set operation mismatch");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
