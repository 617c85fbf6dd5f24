package io.smelt.adapter.jdbc;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What every JDBC engine's {@link Adapter} does alike: its profile type as its only dispatch prefix,
 * its macro files beside its classes ({@link MacroResources}), its default schema and threads from
 * its checked profile fields, type names through its {@link TypeNameMapping}, the secret values its
 * messages must never show, and the sessions it has open, which {@link #close()} cancels and closes.
 *
 * @param <S> the engine's session type
 * @param <C> the engine's checked profile fields
 */
public abstract class JdbcAdapter<S extends Session, C extends EngineConfig> implements Adapter {
    private final String type;
    private final String engineName;
    private final C config;
    private final TypeNameMapping types;
    private final Set<String> secretValues;
    private final OpenSessions<S> sessions = new OpenSessions<>();

    /**
     * @param type the profile type, such as {@code trino}
     * @param engineName the engine's name in messages, such as {@code Trino}
     * @param secretValues the target's secret values; the config's password is added to them
     */
    protected JdbcAdapter(String type, String engineName, C config, TypeNameMapping types, Set<String> secretValues) {
        this.type = requireNonNull(type, "type is null");
        this.engineName = requireNonNull(engineName, "engineName is null");
        this.config = requireNonNull(config, "config is null");
        this.types = requireNonNull(types, "types is null");
        Set<String> secrets = new HashSet<>(secretValues);
        if (config.password() != null) {
            secrets.add(config.password());
        }
        this.secretValues = Set.copyOf(secrets);
    }

    /** The target's checked profile fields. */
    public final C config() {
        return config;
    }

    @Override
    public String defaultSchema() {
        return config.schema();
    }

    @Override
    public final int threads() {
        return config.threads();
    }

    @Override
    public final String mapType(String type) {
        return types.translate(type);
    }

    /** See {@link TypeNameMapping#contractMatches}. */
    @Override
    public final boolean contractTypeMatches(String declared, String returned) {
        return types.contractMatches(declared, returned);
    }

    @Override
    public final String type() {
        return type;
    }

    /** The engine's name for messages, such as {@code Trino}. */
    public final String engineName() {
        return engineName;
    }

    @Override
    public List<String> dispatchOrder() {
        return List.of(type);
    }

    /** Every {@code *.sql} file under this engine's {@code macros/} resource folder, anchored by {@code adapters.sql}. */
    @Override
    public Map<String, String> macroResources() {
        return MacroResources.load(getClass(), "adapters.sql", engineName);
    }

    /** Values never to show: the target's secrets and the profile's password. */
    public final Set<String> secretValues() {
        return secretValues;
    }

    /** {@code text} with every secret value in it replaced by {@code ****}. */
    public final String redact(String text) {
        String shown = text;
        for (String secret : secretValues) {
            if (!secret.isEmpty()) {
                shown = shown.replace(secret, "****");
            }
        }
        return shown;
    }

    /** {@code value}, or {@code ****} when it is a secret, for {@link #describe()}. */
    protected final Object shown(Object value) {
        return value != null && secretValues.contains(String.valueOf(value)) ? "****" : value;
    }

    /** The open sessions; an engine registers each new one here. */
    protected final OpenSessions<S> sessions() {
        return sessions;
    }

    /** Cancels and closes every open session; true the first time. */
    protected final boolean closeSessions() {
        return sessions.closeAll();
    }

    @Override
    public void close() {
        closeSessions();
    }
}
