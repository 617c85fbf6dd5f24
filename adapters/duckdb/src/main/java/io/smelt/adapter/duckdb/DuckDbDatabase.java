package io.smelt.adapter.duckdb;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.jdbc.SqlText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one in-process DuckDB database of an adapter. Sessions get connections duplicated from its
 * first connection, so they share the database instead of opening the file again, which DuckDB
 * refuses across processes ("could not set lock") and which would split in-memory databases.
 */
final class DuckDbDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDatabase.class);

    private final DuckDbConfig config;
    private final Set<String> secretValues;
    private final DuckDBConnection root;

    private DuckDbDatabase(DuckDbConfig config, Set<String> secretValues, DuckDBConnection root) {
        this.config = config;
        this.secretValues = secretValues;
        this.root = root;
    }

    static DuckDbDatabase open(DuckDbConfig config, Set<String> secretValues) {
        Properties properties = new Properties();
        config.configOptions().forEach(properties::setProperty);
        if (config.readOnly()) {
            properties.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        String url = "jdbc:duckdb:";
        if (!config.inMemory()) {
            Path file = Path.of(config.path());
            try {
                if (file.getParent() != null && !config.readOnly()) {
                    Files.createDirectories(file.getParent());
                }
            }
            catch (IOException e) {
                throw new AdapterConfigException("profile field 'path': cannot create the folder " + file.getParent() + ": " + e.getMessage());
            }
            url += config.path();
        }
        DuckDBConnection root;
        try {
            root = (DuckDBConnection) DriverManager.getConnection(url, properties);
        }
        catch (SQLException e) {
            String message = mask(e.getMessage(), secretValues);
            if (message.contains("Could not set lock")) {
                throw new EngineException("cannot open DuckDB database " + config.path()
                        + ": another process has it open (DuckDB allows one writing process per file): " + message, null);
            }
            for (String option : config.configOptions().keySet()) {
                if (message.contains(option)) {
                    throw new AdapterConfigException("profile field 'config_options." + option + "' was refused: " + firstLine(message));
                }
            }
            throw new EngineException("cannot open DuckDB database " + config.path() + ": " + message, null);
        }
        DuckDbDatabase database = new DuckDbDatabase(config, secretValues, root);
        try {
            database.loadExtensions();
            database.attach();
            database.checkName();
        }
        catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** A new connection to this database with the target's settings applied. */
    Connection connect() {
        Connection connection;
        try {
            connection = root.duplicate();
        }
        catch (SQLException e) {
            throw DuckDbErrors.translate(e, null);
        }
        for (Map.Entry<String, String> setting : config.settings().entrySet()) {
            String sql = "SET " + setting.getKey() + " = " + SqlText.literal(setting.getValue());
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            catch (SQLException e) {
                closeQuietly(connection);
                String message = firstLine(e.getMessage());
                if (setting.getValue().length() > 3) {
                    // the value may be a credential that was not marked secret
                    message = message.replace(setting.getValue(), "****");
                }
                throw new AdapterConfigException("profile field 'settings." + setting.getKey() + "' was refused: " + mask(message, secretValues));
            }
        }
        return connection;
    }

    private void loadExtensions() {
        for (DuckDbConfig.Extension extension : config.extensions()) {
            String name = extension.name();
            try {
                execute("LOAD " + name);
                continue;
            }
            catch (SQLException notInstalled) {
                LOG.debug("extension {} is not installed yet: {}", name, firstLine(notInstalled.getMessage()));
            }
            String install = "INSTALL " + name + (extension.repository() == null ? "" : " FROM " + SqlText.literal(extension.repository()));
            try {
                execute(install);
                execute("LOAD " + name);
            }
            catch (SQLException e) {
                throw new AdapterConfigException(
                        "profile field 'extensions': DuckDB extension '" + name + "' could not be installed or loaded: " + firstLine(e.getMessage()),
                        "check the name and network access, or install it ahead of time (INSTALL " + name + ") into DuckDB's extension folder");
            }
        }
    }

    private void attach() {
        List<DuckDbConfig.Attachment> attachments = config.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            DuckDbConfig.Attachment attachment = attachments.get(i);
            StringBuilder sql = new StringBuilder("ATTACH ").append(SqlText.literal(attachment.path()));
            if (attachment.alias() != null) {
                sql.append(" AS \"").append(attachment.alias()).append('"');
            }
            List<String> options = new ArrayList<>();
            if (attachment.type() != null) {
                options.add("TYPE " + attachment.type());
            }
            if (attachment.readOnly()) {
                options.add("READ_ONLY");
            }
            if (!options.isEmpty()) {
                sql.append(" (").append(String.join(", ", options)).append(')');
            }
            try {
                execute(sql.toString());
            }
            catch (SQLException e) {
                throw new AdapterConfigException("profile field 'attach[" + i + "]' could not be attached: " + mask(firstLine(e.getMessage()), secretValues));
            }
        }
    }

    private void checkName() {
        try (Statement statement = root.createStatement(); ResultSet result = statement.executeQuery("SELECT current_database()")) {
            result.next();
            String actual = result.getString(1);
            if (!actual.toLowerCase(Locale.ROOT).equals(config.database().toLowerCase(Locale.ROOT))) {
                LOG.warn("DuckDB named the database '{}', not '{}' as expected from its path", actual, config.database());
            }
        }
        catch (SQLException e) {
            throw DuckDbErrors.translate(e, "SELECT current_database()");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = root.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        closeQuietly(root);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        }
        catch (SQLException e) {
            LOG.debug("closing a DuckDB connection failed", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String mask(String message, Set<String> secretValues) {
        String result = message == null ? "" : message;
        for (String secret : secretValues) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "****");
            }
        }
        return result;
    }
}
