package io.smelt.compiler.graph;

import io.smelt.compiler.diag.SourcePosition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A definition in {@code selectors.yml}, as dbt's selector spec reads it. */
public sealed interface SelectorDefinition {
    /**
     * One {@code --select}-style expression: space is a union, comma an intersection.
     *
     * @param indirectSelection the definition's {@code indirect_selection}, or null for {@code --indirect-selection}
     */
    record Expression(String text, IndirectSelection indirectSelection) implements SelectorDefinition {
        public Expression {
            requireNonNull(text, "text is null");
        }

        public Expression(String text) {
            this(text, null);
        }

        /**
         * Parses every atom as selecting will, so that a file can report a bad one where it stands.
         *
         * @throws io.smelt.compiler.diag.SmeltException of kind SELECTOR, without a position
         */
        public void check() {
            for (String token : text.trim().split("\\s+")) {
                for (String atom : token.split(",", -1)) {
                    SelectionCriterion.parse(atom);
                }
            }
        }
    }

    record Union(List<SelectorDefinition> parts) implements SelectorDefinition {
        public Union {
            parts = List.copyOf(parts);
        }
    }

    record Intersection(List<SelectorDefinition> parts) implements SelectorDefinition {
        public Intersection {
            parts = List.copyOf(parts);
        }
    }

    record Difference(SelectorDefinition include, SelectorDefinition exclude) implements SelectorDefinition {
        public Difference {
            requireNonNull(include, "include is null");
            requireNonNull(exclude, "exclude is null");
        }
    }

    /**
     * The named selectors of a project.
     *
     * @param defaultName the selector with {@code default: true}, or null
     * @param file selectors.yml, for messages; null when the project has none
     */
    record Selectors(Map<String, SelectorDefinition> byName, String defaultName, SourcePosition file) {
        public static final Selectors NONE = new Selectors(Map.of(), null, null);

        public Selectors {
            byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        }
    }
}
