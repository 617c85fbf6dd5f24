package io.smelt.adapter.jdbc;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.TargetConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestProfileFields {
    private static final Pattern NAME = Pattern.compile("[a-z_.]+");

    @Test
    void readsTextNumbersAndBooleansWithDefaults() {
        ProfileFields fields = fields(Map.of("host", " db.example.com ", "port", "5433", "threads", 4, "flag", "Yes", "off", 0));
        assertThat(fields.text("host", null)).isEqualTo("db.example.com");
        assertThat(fields.string("host", null)).isEqualTo(" db.example.com ");
        assertThat(fields.text("missing", "fallback")).isEqualTo("fallback");
        assertThat(fields.port(1)).isEqualTo(5433);
        assertThat(fields.threads()).isEqualTo(4);
        assertThat(fields.integer("missing", 7)).isEqualTo(7);
        assertThat(fields.bool("flag", false)).isTrue();
        assertThat(fields.bool("off", true)).isFalse();
        assertThat(fields.bool("missing", true)).isTrue();
        assertThat(fields.host(null, null)).isEqualTo("db.example.com");
        assertThat(fields(Map.of("host", "[::1]")).host(null, null)).isEqualTo("[::1]");
    }

    @Test
    void errorsNameTheFieldAndMaskSecrets() {
        ProfileFields fields = new ProfileFields(new TargetConfig("p", "t",
                Map.of("host", "https://s3cret@db", "port", "s3cret", "list", List.of(1), "threads", 0, "flag", "maybe"),
                Set.of("s3cret"), Path.of("."), Path.of("target"), false));
        assertThatThrownBy(() -> fields.host("name it", "no scheme")).isInstanceOf(AdapterConfigException.class)
                .hasMessage("profile field 'host' must be a host name or address without scheme, port or path, got 'https://****@db'")
                .satisfies(e -> assertThat(((AdapterConfigException) e).hint()).isEqualTo("no scheme"));
        assertThatThrownBy(() -> fields.port(1)).hasMessage("profile field 'port' must be a whole number, got '****'");
        assertThatThrownBy(() -> fields.text("list", null)).hasMessage("profile field 'list' must be a single value");
        assertThatThrownBy(() -> fields.required("user", "who connects")).hasMessage("profile field 'user' is missing")
                .satisfies(e -> assertThat(((AdapterConfigException) e).hint()).isEqualTo("who connects"));
        assertThatThrownBy(fields::threads).hasMessage("profile field 'threads' must be at least 1, got 0");
        assertThatThrownBy(() -> fields.atLeast("threads", 0, 1, " (seconds)")).hasMessage("profile field 'threads' must be at least 1 (seconds), got 0");
        assertThatThrownBy(() -> fields(Map.of("n", -1)).atLeast("n", 0, 0, "")).hasMessage("profile field 'n' must not be negative, got -1");
        assertThatThrownBy(() -> fields.bool("flag", false)).hasMessage("profile field 'flag' must be true or false");
        assertThatThrownBy(() -> fields(Map.of("port", 70000)).port(1)).hasMessage("profile field 'port' must be between 1 and 65535, got 70000");
    }

    @Test
    void settingsKeepTheirOrderAndCheckKeysAndValues() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("b.two", 2);
        settings.put("a_one", "x");
        assertThat(fields(Map.of("props", settings)).settings("props", "property names", NAME, "property name", "hint"))
                .containsExactly(Map.entry("b.two", "2"), Map.entry("a_one", "x"));
        assertThat(fields(Map.of()).settings("props", "property names", NAME, "property name", "hint")).isEmpty();
        assertThatThrownBy(() -> fields(Map.of("props", "x")).settings("props", "property names", NAME, "property name", "hint"))
                .hasMessage("profile field 'props' must be a map of property names to values");
        assertThatThrownBy(() -> fields(Map.of("props", Map.of("Bad Key", 1))).settings("props", "property names", NAME, "property name", "use a.b"))
                .hasMessage("profile field 'props' has a key that is not a property name: 'Bad Key'");
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        assertThatThrownBy(() -> fields(Map.of("props", nullValue)).settings("props", "property names", NAME, "property name", "hint"))
                .hasMessage("profile field 'props.a' has no value");
    }

    @Test
    void unknownFieldsAreKeptWithSecretsMasked() {
        ProfileFields fields = new ProfileFields(new TargetConfig("p", "t", Map.of("type", "x", "token", "s3cret", "extra", 1),
                Set.of("s3cret"), Path.of("."), Path.of("target"), false));
        assertThat(fields.unknown(Set.of("type"))).containsOnly(Map.entry("token", "****"), Map.entry("extra", 1));
    }

    private static ProfileFields fields(Map<String, Object> values) {
        return new ProfileFields(new TargetConfig("p", "t", values, Set.of(), Path.of("."), Path.of("target"), false));
    }
}
