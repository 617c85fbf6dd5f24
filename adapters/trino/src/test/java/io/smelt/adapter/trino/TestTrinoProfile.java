package io.smelt.adapter.trino;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.TargetConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profile fields: defaults, validation and secrets; no server needed. */
class TestTrinoProfile {
    private static final String PASSWORD = "s3cret-Pa55";

    @TempDir
    Path project;

    private Adapter adapter(Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(Map.of("type", "trino", "host", "trino.example.com", "user", "ada",
                "catalog", "iceberg", "schema", "analytics"));
        all.putAll(fields);
        all.values().removeIf(value -> value == REMOVE);
        return new TrinoAdapterFactory().create(new TargetConfig("shop", "dev", all, Set.of(PASSWORD), project, project.resolve("target"), false));
    }

    private static final Object REMOVE = new Object();

    private void assertRefused(Map<String, Object> fields, String message) {
        assertThatThrownBy(() -> adapter(fields))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage() + ((AdapterConfigException) e).hint()).doesNotContain(PASSWORD));
    }

    @Test
    void factoryIsFoundThroughServiceLoader() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(AdapterFactory.class).forEach(factory -> types.add(factory.type()));
        assertThat(types).contains("trino");
    }

    @Test
    void defaults() {
        try (Adapter adapter = adapter(Map.of())) {
            TrinoConfig config = ((TrinoAdapter) adapter).config();
            assertThat(config.port()).isEqualTo(8080);
            assertThat(config.httpScheme()).isEqualTo("http");
            assertThat(config.method()).isEqualTo(TrinoConfig.Method.NONE);
            assertThat(config.threads()).isEqualTo(1);
            assertThat(config.retries()).isEqualTo(3);
            assertThat(config.preparedStatementsEnabled()).isTrue();
            assertThat(adapter.defaultDatabase()).isEqualTo("iceberg");
            assertThat(adapter.defaultSchema()).isEqualTo("analytics");
        }
    }

    @Test
    void databaseIsAnAliasOfCatalog() {
        try (Adapter adapter = adapter(Map.of("catalog", REMOVE, "database", "Lake"))) {
            assertThat(adapter.defaultDatabase()).isEqualTo("lake");
        }
        assertRefused(Map.of("database", "other"), "profile fields 'catalog' and 'database' name different catalogs ('iceberg' and 'other')");
        assertRefused(Map.of("catalog", REMOVE), "profile field 'catalog' (or 'database') is missing");
    }

    @Test
    void ldapOverHttpsCarriesThePasswordButNeverShowsIt() {
        try (Adapter adapter = adapter(Map.of("method", "ldap", "password", PASSWORD, "port", 8443,
                "session_properties", Map.of("query_max_run_time", "2h"), "odd_field", PASSWORD))) {
            TrinoConfig config = ((TrinoAdapter) adapter).config();
            assertThat(config.httpScheme()).isEqualTo("https");
            assertThat(config.password()).isEqualTo(PASSWORD);
            assertThat(adapter.describe()).containsEntry("method", "ldap").containsEntry("http_scheme", "https")
                    .containsEntry("odd_field", "****").containsEntry("session_properties", Map.of("query_max_run_time", "2h"));
            assertThat(adapter.describe().toString()).doesNotContain(PASSWORD);
            assertThat(config.toString()).doesNotContain(PASSWORD).contains("password=****");
        }
    }

    @Test
    void passwordNeedsLdapAndLdapNeedsHttps() {
        assertRefused(Map.of("password", PASSWORD), "profile field 'password' is only used with method: ldap");
        assertRefused(Map.of("method", "ldap", "password", PASSWORD, "http_scheme", "http"),
                "profile field 'http_scheme' must be 'https' with method: ldap, because a password must not travel unencrypted");
        assertRefused(Map.of("method", "ldap"), "profile field 'password' is missing; method: ldap needs one");
    }

    @Test
    void otherMethodsAreRefusedClearly() {
        for (String method : List.of("jwt", "oauth", "kerberos", "certificate")) {
            assertRefused(Map.of("method", method), "profile field 'method' is '" + method + "', which Smelt does not support yet");
        }
        assertRefused(Map.of("method", PASSWORD), "profile field 'method' must be 'none' or 'ldap', got '****'");
    }

    @Test
    void requiredAndMalformedFields() {
        assertRefused(Map.of("host", REMOVE), "profile field 'host' is missing");
        assertRefused(Map.of("user", REMOVE), "profile field 'user' is missing");
        assertRefused(Map.of("schema", REMOVE), "profile field 'schema' is missing");
        assertRefused(Map.of("host", "https://trino.example.com:443"),
                "profile field 'host' must be a host name or address without scheme, port or path, got 'https://trino.example.com:443'");
        assertRefused(Map.of("port", "eighty"), "profile field 'port' must be a whole number, got 'eighty'");
        assertRefused(Map.of("port", 70000), "profile field 'port' must be between 1 and 65535, got 70000");
        assertRefused(Map.of("http_scheme", "ftp"), "profile field 'http_scheme' must be 'http' or 'https', got 'ftp'");
        assertRefused(Map.of("threads", 0), "profile field 'threads' must be at least 1, got 0");
        assertRefused(Map.of("retries", 0), "profile field 'retries' must be at least 1 (the number of attempts), got 0");
        assertRefused(Map.of("timezone", "Mars/Olympus"), "profile field 'timezone' is not a time zone: 'Mars/Olympus'");
        assertRefused(Map.of("session_properties", "x=1"), "profile field 'session_properties' must be a map of property names to values");
        assertRefused(Map.of("session_properties", Map.of("a b", "1")),
                "profile field 'session_properties' has a key that is not a property name: 'a b'");
        assertRefused(Map.of("prepared_statements_enabled", "maybe"), "profile field 'prepared_statements_enabled' must be true or false");
    }

    @Test
    void aSecretUsedWhereItDoesNotBelongIsMasked() {
        assertRefused(Map.of("host", PASSWORD + "/x"), "profile field 'host' must be a host name or address without scheme, port or path, got '****/x'");
    }
}
