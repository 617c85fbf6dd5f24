package io.smelt.compiler.jinja;

/**
 * A Java object whose attributes templates read ({@code {{ this.schema }}}) and whose methods they
 * call ({@code adapter.quote('x')}: the attribute is a {@link JinjaFunction}). Templates print it
 * through {@link Object#toString()}; equality and hashing follow the Java object, so it can be a
 * dict key.
 */
public interface JinjaObject {
    /** The attribute's value, or null when the object has no such attribute (undefined in Jinja). */
    Object attribute(String name);

    /**
     * Whether the object has an attribute whose value is null: it reads as None rather than undefined.
     * False by default.
     */
    default boolean hasNoneAttribute(String name) {
        return false;
    }

    /** Item access ({@code obj['key']}); by default the same as attribute access. */
    default Object item(Object key) {
        return key instanceof String name ? attribute(name) : null;
    }

    /** Whether {@code obj is mapping} holds (dbt's relations are mappings); false by default. */
    default boolean isMapping() {
        return false;
    }
}
