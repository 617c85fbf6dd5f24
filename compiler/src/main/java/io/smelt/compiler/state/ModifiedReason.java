package io.smelt.compiler.state;

import static java.util.Objects.requireNonNull;

/**
 * Why {@code state:} found a node modified: what kind of change, and what changed.
 *
 * @param detail for people: the config key, macro, var or field that changed
 */
public record ModifiedReason(Kind kind, String detail) {
    /** Each kind is what one {@code state:modified.<kind>} sub-selector selects. */
    public enum Kind {
        NEW("new"),
        BODY("body"),
        CONFIGS("configs"),
        RELATION("relation"),
        PERSISTED_DESCRIPTIONS("persisted_descriptions"),
        MACROS("macros"),
        CONTRACT("contract"),
        VARS("vars"),
        /** fqn, source freshness and the like: only plain {@code state:modified} selects them, as in dbt */
        OTHER("other");

        private final String selectorName;

        Kind(String selectorName) {
            this.selectorName = selectorName;
        }

        public String selectorName() {
            return selectorName;
        }
    }

    public ModifiedReason {
        requireNonNull(kind, "kind is null");
        requireNonNull(detail, "detail is null");
    }

    @Override
    public String toString() {
        return kind == Kind.NEW ? detail : kind.selectorName() + ": " + detail;
    }
}
