package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.smelt.cli.TestingFiles.replace;
import static io.smelt.cli.TestingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partial-parse cache is never stale: after each kind of change (a model, a macro a macro calls,
 * a properties file, dbt_project.yml, --vars, an environment variable, the target, a file added or
 * removed), a compile that reuses the cache writes the same manifest.json as a compile without it
 * ({@code --no-partial-parse}), and the change shows in it. What the cache reused is read from the
 * {@code --debug} log, so a cache that reused nothing could not pass the tests that count reuse.
 */
class TestPartialParse {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path project;
    private final Map<String, String> environment = new HashMap<>(Map.of("SHOP_TAG", "blue"));

    @BeforeEach
    void writeProject() throws IOException {
        project = TestingFiles.shop(dir, "1.0", """
                vars:
                  upstream: base
                models:
                  shop:
                    marts:
                      +materialized: table
                """);
        Files.writeString(project.resolve("profiles.yml"), Files.readString(project.resolve("profiles.yml"))
                + "    ci:\n      type: duckdb\n      path: '" + dir.resolve("ci.duckdb") + "'\n      schema: ci\n");
        write(project.resolve("seeds/raw.csv"), "id,amount\n1,10\n2,20\n");
        write(project.resolve("macros/cents.sql"), "{% macro cents(col) %}cast({{ col }} * 100 as bigint){% endmacro %}\n");
        write(project.resolve("macros/wrap.sql"), "{% macro wrap(col) %}{{ cents(col) }}{% endmacro %}\n");
        write(project.resolve("macros/settings.sql"), """
                {% macro shop_settings() %}{{ config(materialized='view', tags=['from_macro']) }}{% endmacro %}
                """);
        write(project.resolve("models/base.sql"), "select id, amount from {{ ref('raw') }}\n");
        write(project.resolve("models/stg.sql"), """
                {{ shop_settings() }}
                select id, {{ wrap('amount') }} as cents from {{ ref('base') }}
                """);
        write(project.resolve("models/tagged.sql"), """
                {{ config(tags=[env_var('SHOP_TAG', 'none')]) }}
                {% if target.name == 'ci' %}{{ config(materialized='table') }}{% endif %}
                select id from {{ ref('stg') }}
                """);
        write(project.resolve("models/marts/mart.sql"), "select * from {{ ref(var('upstream')) }}\n");
        write(project.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: stg
                    description: staged
                    columns:
                      - name: id
                        data_tests: [unique]
                """);
    }

    @Test
    void nothingChangedReusesEveryRender() throws IOException {
        JsonNode first = compile("--debug");
        Result again = run("compile", "--debug");
        assertThat(again.out() + again.err()).contains("4 of 4 SQL files reused from the partial-parse cache");
        assertThat(differences("", normalized(project), first)).isEmpty();
        assertSameAsWithoutCache();
    }

    @Test
    void anEditedModelIsRenderedAgainAndOnlyIt() throws IOException {
        compile();
        replace(project.resolve("models/marts/mart.sql"), "ref(var('upstream'))", "ref('stg')");
        Result again = run("compile", "--debug");
        assertThat(again.out() + again.err()).contains("3 of 4 SQL files reused");
        assertThat(dependsOn(normalized(project), "model.shop.mart")).containsExactly("model.shop.stg");
        assertSameAsWithoutCache();
    }

    @Test
    void aMacroThatRanIsReadAgainEvenWhenCalledThroughAnother() throws IOException {
        compile();
        replace(project.resolve("macros/settings.sql"), "materialized='view'", "materialized='table'");
        replace(project.resolve("macros/cents.sql"), "* 100", "* 1000");
        Result again = run("compile", "--debug");
        assertThat(again.out() + again.err()).contains("3 of 4 SQL files reused");
        JsonNode manifest = normalized(project);
        assertThat(manifest.at("/nodes/model.shop.stg/config/materialized").asText()).isEqualTo("table");
        assertThat(manifest.at("/nodes/model.shop.stg/compiled_code").asText()).contains("* 1000");
        assertSameAsWithoutCache();
    }

    @Test
    void aNewMacroRendersEverythingAgain() throws IOException {
        compile();
        write(project.resolve("macros/more.sql"), "{% macro shop_more() %}1{% endmacro %}\n");
        Result again = run("compile", "--debug");
        assertThat(again.out() + again.err()).contains("0 of 4 SQL files reused");
        assertSameAsWithoutCache();
    }

    @Test
    void anEditedPropertiesFile() throws IOException {
        compile();
        replace(project.resolve("models/schema.yml"), "description: staged", """
                description: staged again
                    config:
                      materialized: table""");
        JsonNode manifest = compile();
        assertThat(manifest.at("/nodes/model.shop.stg/description").asText()).isEqualTo("staged again");
        assertSameAsWithoutCache();
    }

    @Test
    void anEditedDbtProjectYml() throws IOException {
        compile();
        replace(project.resolve("dbt_project.yml"), "upstream: base", "upstream: stg");
        assertThat(dependsOn(compile(), "model.shop.mart")).containsExactly("model.shop.stg");
        assertSameAsWithoutCache();
    }

    @Test
    void varsOnTheCommandLine() throws IOException {
        compile();
        assertThat(dependsOn(compile("--vars", "{upstream: tagged}"), "model.shop.mart")).containsExactly("model.shop.tagged");
        assertSameAsWithoutCache("--vars", "{upstream: tagged}");
        assertThat(dependsOn(compile(), "model.shop.mart")).containsExactly("model.shop.base");
    }

    @Test
    void anEnvironmentVariableARenderRead() throws IOException {
        compile();
        environment.put("SHOP_TAG", "green");
        Result again = run("compile", "--debug");
        assertThat(again.out() + again.err()).contains("3 of 4 SQL files reused");
        assertThat(normalized(project).at("/nodes/model.shop.tagged/tags").toString()).contains("green");
        assertSameAsWithoutCache();
        environment.remove("SHOP_TAG");
        assertThat(compile().at("/nodes/model.shop.tagged/tags").toString()).contains("none");
        assertSameAsWithoutCache();
    }

    @Test
    void anotherTarget() throws IOException {
        compile();
        JsonNode ci = compile("--target", "ci");
        assertThat(ci.at("/nodes/model.shop.tagged/config/materialized").asText()).isEqualTo("table");
        assertSameAsWithoutCache("--target", "ci");
    }

    @Test
    void filesAddedAndRemoved() throws IOException {
        compile();
        write(project.resolve("models/extra.sql"), "select * from {{ ref('base') }}\n");
        Files.delete(project.resolve("models/tagged.sql"));
        JsonNode manifest = compile();
        assertThat(manifest.at("/nodes/model.shop.extra").isMissingNode()).isFalse();
        assertThat(manifest.at("/nodes/model.shop.tagged").isMissingNode()).isTrue();
        assertSameAsWithoutCache();
    }

    @Test
    void noPartialParseWritesNoCache() {
        Result result = run("parse", "--no-partial-parse");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(project.resolve("target/smelt_parse_cache.json")).doesNotExist();
        run("parse");
        assertThat(project.resolve("target/smelt_parse_cache.json")).exists();
    }

    /** A compile with the cache, then one without: the same manifest. */
    private void assertSameAsWithoutCache(String... args) throws IOException {
        JsonNode cached = compile(args);
        List<String> cold = new ArrayList<>(List.of(args));
        cold.add("--no-partial-parse");
        JsonNode fresh = compile(cold.toArray(String[]::new));
        assertThat(differences("", cached, fresh)).isEmpty();
    }

    /** The JSON pointers where two documents differ, with both values (readable where a whole manifest is not). */
    private static List<String> differences(String at, JsonNode a, JsonNode b) {
        List<String> found = new ArrayList<>();
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                found.addAll(differences(at + "/" + name, a.path(name), b.path(name)));
            }
        } else if (!a.equals(b)) {
            found.add(at + ": " + a + " (cached) vs " + b + " (no cache)");
        }
        return found;
    }

    private JsonNode compile(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("compile"));
        all.addAll(List.of(args));
        Result result = run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return normalized(project);
    }

    private Result run(String... args) {
        return TestingCli.inProject(project, environment, args);
    }

    private static List<String> dependsOn(JsonNode manifest, String id) {
        List<String> nodes = new ArrayList<>();
        manifest.at("/nodes/" + id + "/depends_on/nodes").forEach(n -> nodes.add(n.asText()));
        return nodes;
    }

    /** manifest.json without what differs between any two runs (times, invocation ids). */
    private static JsonNode normalized(Path project) throws IOException {
        JsonNode manifest = JSON.readTree(project.resolve("target/manifest.json").toFile());
        strip(manifest);
        return manifest;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("created_at", "generated_at", "invocation_id", "invocation_started_at", "run_started_at"));
            for (Iterator<JsonNode> values = object.elements(); values.hasNext(); ) {
                strip(values.next());
            }
        } else if (node.isArray()) {
            node.forEach(TestPartialParse::strip);
        }
    }
}
