package io.smelt.adapter.jdbc;

/** What {@link JdbcAdapter} reads from an engine's checked profile fields; the engine's config record implements it. */
public interface EngineConfig {
    /** The schema models go to when their config names none. */
    String schema();

    /** Worker threads the target asks for, at least 1. */
    int threads();

    /** The profile's password, which messages must never show, or null; by default none. */
    default String password() {
        return null;
    }
}
