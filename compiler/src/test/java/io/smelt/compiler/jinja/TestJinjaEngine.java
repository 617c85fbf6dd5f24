package io.smelt.compiler.jinja;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine behaviour the compiler relies on: lookup, dispatch, tags, positions, errors, Java objects. */
class TestJinjaEngine {
    private static final Path MODEL = Path.of("models/m.sql");
    /** The engine's and dbt's global macros of the dispatch tests. */
    private static final MacroSource DBT_T = file("dbt", "macros/t.sql", "{% macro default__t() %}dbt-t{% endmacro %}");
    private static final MacroSource ENGINE_T = file("dbt_duckdb", "macros/t.sql", "{% macro duckdb__t() %}engine-t{% endmacro %}");

    /** A root project alone: no internal packages, no adapter prefixes. */
    private static JinjaEngine.Options rootOnly() {
        return withInternal();
    }

    /** A root project with these internal packages and no adapter prefixes. */
    private static JinjaEngine.Options withInternal(String... packages) {
        return new JinjaEngine.Options("root", List.of(packages), List.of(), Map.of());
    }

    /** A root project on DuckDB: internal packages dbt_duckdb then dbt, the duckdb prefix, and these dispatch search orders. */
    private static JinjaEngine.Options onDuckDb(Map<String, List<String>> dispatch) {
        return new JinjaEngine.Options("root", List.of("dbt_duckdb", "dbt"), List.of("duckdb"), dispatch);
    }

    private static MacroSource file(String pkg, String path, String text) {
        return new MacroSource(pkg, Path.of(path), text);
    }

    private static JinjaEngine engine(JinjaEngine.Options options, MacroSource... files) {
        return JinjaEngine.create(options, List.of(files));
    }

    private static String render(JinjaEngine engine, String pkg, String text, Map<String, Object> globals) {
        return engine.render(engine.parse(pkg, MODEL, text), globals);
    }

    /** An {@code adapter} global whose {@code dispatch} asks the engine, as the compiler's does. */
    private static Map<String, Object> withAdapter(JinjaEngine engine) {
        JinjaFunction dispatch = (args, kwargs) -> engine.resolveDispatch((String) args.get(0),
                args.size() > 1 ? (String) args.get(1) : (String) kwargs.get("macro_namespace"));
        JinjaObject adapter = name -> name.equals("dispatch") ? dispatch : null;
        Map<String, Object> globals = new HashMap<>();
        globals.put("adapter", adapter);
        return globals;
    }

    @Test
    void nativeRenderingGivesTheValueOfALoneExpressionAndTextOtherwise() {
        JinjaEngine engine = engine(rootOnly());
        Map<String, Object> globals = Map.of("types", List.of("a", "b"), "kind", "duckdb");
        assertThat(engine.renderNative("{{ kind != 'fabric' }}", globals)).isEqualTo(true);
        assertThat(engine.renderNative("{{ types }}", globals)).isEqualTo(List.of("a", "b"));
        assertThat(engine.renderNative("{{ 40 + 2 }}", globals)).isEqualTo(42L);
        assertThat(engine.renderNative("{{ 'warn' if kind == 'spark' else 'error' }}", globals)).isEqualTo("error");
        assertThat(engine.renderNative("{{- kind -}}\n", globals)).isEqualTo("duckdb");
        // more than one piece of output is text, as in Jinja2's native environment
        assertThat(engine.renderNative("x {{ 40 + 2 }}", globals)).isEqualTo("x 42");
        assertThat(engine.renderNative("{{ 1 }}{{ 2 }}", globals)).isEqualTo("12");
        assertThat(engine.renderNative("{{ missing }}", globals)).isNull();
        // dbt's markers: the printed value through literal_eval
        assertThat(engine.renderNative("{{ '10' | as_number }}", globals)).isEqualTo(10L);
        assertThat(engine.renderNative("{{ 'True' | as_bool }}", globals)).isEqualTo(true);
        assertThat(engine.renderNative("{{ '[1, \\'a\\']' | as_native }}", globals)).isEqualTo(List.of(1L, "a"));
        assertThat(engine.renderNative("{{ kind | as_native }}", globals)).isEqualTo("duckdb");
        assertThatThrownBy(() -> engine.renderNative("{{ kind | as_bool }}", globals))
                .hasMessageContaining("Could not convert value 'duckdb' into type 'bool'");
    }

    @Test
    void localMd5HashesItsValueGivenByPositionOrKeyword() {
        JinjaEngine engine = engine(new JinjaEngine.Options("root", List.of(), List.of(), Map.of()));
        // hashlib.md5(b'smelt').hexdigest() in CPython 3
        assertThat(engine.renderString("{{ local_md5('smelt') }}", Map.of())).isEqualTo("28b1afb048dfe482da821c7303820c6d");
        assertThat(engine.renderString("{{ local_md5(value='smelt') }}", Map.of())).isEqualTo("28b1afb048dfe482da821c7303820c6d");
    }

    @Test
    void dispatchTriesPrefixesThenDefaultInEachPackage() {
        JinjaEngine.Options options = onDuckDb(Map.of("utils", List.of("root", "utils")));
        JinjaEngine engine = engine(options,
                file("utils", "macros/x.sql", """
                        {% macro x(a) %}{{ return(adapter.dispatch('x', 'utils')(a)) }}{% endmacro %}
                        {% macro default__x(a) %}utils-default {{ a }}{% endmacro %}
                        {% macro duckdb__x(a) %}utils-duckdb {{ a }}{% endmacro %}
                        {% macro default__y() %}utils-y{% endmacro %}
                        """),
                file("root", "macros/over.sql", "{% macro default__y() %}root-y{% endmacro %}"),
                file("dbt", "macros/z.sql", "{% macro default__z() %}dbt-z{% endmacro %}"),
                file("dbt_duckdb", "macros/z.sql", "{% macro duckdb__z() %}duckdb-z{% endmacro %}"));
        Map<String, Object> globals = withAdapter(engine);
        assertThat(render(engine, "root", "{{ utils.x(1) }}", globals)).isEqualTo("utils-duckdb 1");
        assertThat(render(engine, "root", "{{ adapter.dispatch('y', 'utils')() }}", globals)).isEqualTo("root-y");
        assertThat(render(engine, "root", "{{ adapter.dispatch('z', 'dbt')() }}", globals)).isEqualTo("duckdb-z");
        assertThat(render(engine, "root", "{{ adapter.dispatch('y')() }}", globals)).isEqualTo("root-y");
        assertThatThrownBy(() -> render(engine, "root", "\n{{ adapter.dispatch('nope', 'utils')() }}", globals))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().message()).contains("nope", "root.duckdb__nope", "utils.default__nope");
                    assertThat(e.first().at()).isEqualTo(SourcePosition.of(MODEL, 2));
                });
    }

    @Test
    void dispatchLooksInTheRootProjectFirstWithoutDispatchConfig() {
        JinjaEngine.Options options = onDuckDb(Map.of());
        JinjaEngine engine = engine(options,
                DBT_T,
                ENGINE_T,
                file("pkg", "macros/p.sql", "{% macro default__p() %}pkg-p{% endmacro %}"),
                file("root", "macros/over.sql", "{% macro duckdb__t() %}root-t{% endmacro %}{% macro default__p() %}root-p{% endmacro %}"));
        Map<String, Object> globals = withAdapter(engine);
        assertThat(render(engine, "root", "{{ adapter.dispatch('t', 'dbt')() }}", globals)).isEqualTo("root-t");
        assertThat(render(engine, "root", "{{ adapter.dispatch('p', 'pkg')() }}", globals)).isEqualTo("root-p");
    }

    @Test
    void aNamespaceThatNamesNoPackageIsSearchedAsUnqualifiedNamesFromTheNodesPackage() {
        JinjaEngine.Options options = onDuckDb(Map.of());
        JinjaEngine engine = engine(options,
                file("dbt", "macros/t.sql", "{% macro default__t() %}dbt-t{% endmacro %}{% macro default__r() %}dbt-r{% endmacro %}"),
                ENGINE_T,
                file("pkg", "macros/p.sql", """
                        {% macro default__p() %}pkg-p{% endmacro %}
                        {% macro call_p() %}{{ adapter.dispatch('p', 'not_installed')() }}{% endmacro %}
                        """),
                file("root", "macros/over.sql", "{% macro default__r() %}root-r{% endmacro %}"));
        Map<String, Object> globals = withAdapter(engine);
        // as dbt: the node's package, then the root project, then dbt's global macros
        assertThat(render(engine, "root", "{{ adapter.dispatch('t', 'not_installed')() }}", globals)).isEqualTo("engine-t");
        assertThat(render(engine, "root", "{{ adapter.dispatch('r', 'not_installed')() }}", globals)).isEqualTo("root-r");
        assertThat(render(engine, "pkg", "{{ adapter.dispatch('p', 'not_installed')() }}", globals)).isEqualTo("pkg-p");
        // a macro of pkg that dispatches, called from a root node: the root's names, as in dbt
        assertThatThrownBy(() -> render(engine, "root", "{{ pkg.call_p() }}", globals))
                .isInstanceOfSatisfying(SmeltException.class, e -> assertThat(e.first().message())
                        .contains("No macro named 'p' found within namespace: 'not_installed'", "duckdb__p, default__p"));
    }

    @Test
    void aSearchOrderIsFollowedAsWrittenAndDbtInItMeansTheGlobalMacros() {
        JinjaEngine.Options options = onDuckDb(Map.of("pkg", List.of("pkg", "root"), "dbt", List.of("other", "dbt")));
        JinjaEngine engine = engine(options,
                DBT_T,
                ENGINE_T,
                file("other", "macros/o.sql", "{% macro default__o() %}other-o{% endmacro %}"),
                file("pkg", "macros/p.sql", "{% macro default__p() %}pkg-p{% endmacro %}"),
                file("root", "macros/over.sql", "{% macro default__p() %}root-p{% endmacro %}{% macro default__q() %}root-q{% endmacro %}"));
        Map<String, Object> globals = withAdapter(engine);
        // the package before the root, as written, unlike the root-first default
        assertThat(render(engine, "root", "{{ adapter.dispatch('p', 'pkg')() }}", globals)).isEqualTo("pkg-p");
        assertThat(render(engine, "root", "{{ adapter.dispatch('q', 'pkg')() }}", globals)).isEqualTo("root-q");
        assertThat(render(engine, "root", "{{ adapter.dispatch('o', 'dbt')() }}", globals)).isEqualTo("other-o");
        assertThat(render(engine, "root", "{{ adapter.dispatch('t', 'dbt')() }}", globals)).isEqualTo("engine-t");
    }

    @Test
    void unqualifiedNamesResolveInPackageThenRootThenInternal() {
        JinjaEngine engine = engine(withInternal("dbt_duckdb", "dbt"),
                file("dbt", "m.sql", "{% macro a() %}dbt-a{% endmacro %}{% macro b() %}dbt-b{% endmacro %}"
                        + "{% macro c() %}dbt-c{% endmacro %}"),
                file("dbt_duckdb", "m.sql", "{% macro b() %}duck-b{% endmacro %}"),
                file("root", "m.sql", "{% macro c() %}root-c{% endmacro %}"),
                file("pkg", "m.sql", "{% macro show() %}{{ a() }} {{ b() }} {{ c() }} {{ dbt.c() }}{% endmacro %}"));
        assertThat(render(engine, "pkg", "{{ show() }}", Map.of())).isEqualTo("dbt-a duck-b root-c dbt-c");
        assertThat(engine.hasMacro("dbt", "a")).isTrue();
        assertThat(engine.hasMacro("root", "a")).isFalse();
        assertThat(engine.lookupMacro("pkg", "b")).isNotNull();
        assertThat(engine.lookupMacro("pkg", "zzz")).isNull();
        assertThat(engine.callMacro("pkg", "show", List.of(), Map.of(), Map.of())).isEqualTo("dbt-a duck-b root-c dbt-c");
        assertThat(engine.macros()).extracting(m -> m.uniqueId()).contains("macro.dbt.a", "macro.pkg.show");
    }

    @Test
    void testAndMaterializationBlocksRegisterAsMacros() {
        JinjaEngine engine = engine(withInternal("dbt"),
                file("dbt", "macros/generic.sql", """
                        {% test not_null(model, column_name) %}select * from {{ model }} where {{ column_name }} is null{% endtest %}
                        {% materialization table, default %}tbl{% endmaterialization %}
                        {% materialization view, adapter='duckdb' %}{{ return('v') }}{% endmaterialization %}
                        {% docs something %}# Title {{ 'x' }}{% enddocs %}
                        {% snapshot snap %}select 1{% endsnapshot %}
                        """));
        assertThat(engine.hasMacro("dbt", "test_not_null")).isTrue();
        assertThat(engine.hasMacro("dbt", "materialization_table_default")).isTrue();
        assertThat(engine.hasMacro("dbt", "materialization_view_duckdb")).isTrue();
        assertThat(engine.callMacro("root", "test_not_null", List.of("t", "c"), Map.of(), Map.of()))
                .isEqualTo("select * from t where c is null");
        assertThat(engine.callMacro("root", "dbt.materialization_view_duckdb", List.of(), Map.of(), Map.of()))
                .isEqualTo("v");
        assertThat(engine.macros()).filteredOn(m -> m.name().equals("test_not_null")).singleElement()
                .satisfies(m -> {
                    assertThat(m.line()).isEqualTo(1);
                    assertThat(m.sql()).startsWith("{% test not_null").endsWith("{% endtest %}");
                });
    }

    @Test
    void currentLineAndFileFromJinjaFunction() {
        JinjaEngine engine = engine(rootOnly(),
                file("root", "macros/r.sql", "{% macro wrap() %}\n\n{{ ref('inner') }}{% endmacro %}"));
        List<String> seen = new ArrayList<>();
        JinjaFunction ref = (args, kwargs) -> {
            seen.add(JinjaEngine.currentFile() + ":" + JinjaEngine.currentLine());
            return "\"" + args.get(0) + "\"";
        };
        String out = render(engine, "root", "select\n  *\nfrom {{ ref('a') }}\n{{ wrap() }} {{ ref('b') }}", Map.of("ref", ref));
        assertThat(out).isEqualTo("select\n  *\nfrom \"a\"\n\n\n\"inner\" \"b\"");
        assertThat(seen).containsExactly("models/m.sql:3", "macros/r.sql:3", "models/m.sql:4");
    }

    @Test
    void functionErrorsAbortWithPositionHintAndCause() {
        JinjaEngine engine = engine(rootOnly(),
                file("utils", "macros/star.sql", "{% macro star() %}\n  {{ boom() }}\n{% endmacro %}"));
        IllegalStateException cause = new IllegalStateException("engine said no");
        JinjaFunction boom = (args, kwargs) -> {
            throw cause;
        };
        assertThatThrownBy(() -> render(engine, "root", "a\nb\n{{ utils.star() }}after", Map.of("boom", boom)))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().kind()).isEqualTo(ErrorKind.JINJA);
                    assertThat(e.first().at()).isEqualTo(SourcePosition.of(Path.of("macros/star.sql"), 2));
                    assertThat(e.first().message()).isEqualTo("engine said no");
                    assertThat(e.first().hint())
                            .isEqualTo("in macro utils.star (macros/star.sql:2), called from models/m.sql:3");
                    assertThat(e.getCause()).isSameAs(cause);
                });
        SmeltException positioned = new SmeltException(ErrorKind.GRAPH, SourcePosition.of(Path.of("x.yml"), 4), "nope", null);
        JinjaFunction graph = (args, kwargs) -> {
            throw positioned;
        };
        assertThatThrownBy(() -> render(engine, "root", "{% set x = graph() %}", Map.of("graph", graph)))
                .isSameAs(positioned);
        assertThatThrownBy(() -> render(engine, "root", "\n{{ exceptions.raise_compiler_error('bad ' ~ 1) }}", Map.of()))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().message()).isEqualTo("Compilation Error: bad 1");
                    assertThat(e.first().at()).isEqualTo(SourcePosition.of(MODEL, 2));
                });
    }

    @Test
    void syntaxErrorInOneOfSeveralMacroFilesNamesFileAndLine() {
        assertThatThrownBy(() -> engine(rootOnly(),
                file("root", "macros/good.sql", "{% macro good() %}ok{% endmacro %}"),
                file("root", "macros/bad.sql", "{% macro bad() %}\n\n{{ 1 + }}\n{% endmacro %}"),
                file("pkg", "macros/filter.sql", "{% macro f() %}\n{{ 'x' | nope }}{% endmacro %}"),
                file("pkg", "macros/fine.sql", "{% macro fine() %}{{ x | upper }}{% endmacro %}")))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.diagnostics()).hasSize(2);
                    assertThat(e.diagnostics().get(0).at()).isEqualTo(SourcePosition.of(Path.of("macros/bad.sql"), 3));
                    assertThat(e.diagnostics().get(0).kind()).isEqualTo(ErrorKind.JINJA);
                    assertThat(e.diagnostics().get(1).at()).isEqualTo(SourcePosition.of(Path.of("macros/filter.sql"), 2));
                    assertThat(e.diagnostics().get(1).message()).isEqualTo("No filter named 'nope'.");
                });
    }

    @Test
    void chainedTestsAreASyntaxErrorAsInJinja2() {
        JinjaEngine engine = engine(rootOnly());
        assertThatThrownBy(() -> engine.parse("root", MODEL, "ok\n{{ x is defined is false }}"))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().at()).isEqualTo(SourcePosition.of(MODEL, 2));
                    assertThat(e.first().message()).isEqualTo("You cannot chain multiple tests with is");
                });
    }

    @Test
    void callStatementBlockFromInternalPackage() {
        JinjaEngine engine = engine(withInternal("dbt"),
                file("dbt", "macros/statement.sql", """
                        {% macro statement(name=None, fetch_result=False, auto_begin=True) -%}
                          {%- set sql = caller() -%}
                          {%- do run(name, sql, fetch_result) -%}
                        {%- endmacro %}
                        """));
        List<Object> calls = new ArrayList<>();
        JinjaFunction run = (args, kwargs) -> {
            calls.add(args);
            return null;
        };
        String out = render(engine, "root",
                "{% call statement('main', fetch_result=True) %}select {{ 1 }}{% endcall %}done", Map.of("run", run));
        assertThat(out).isEqualTo("done");
        assertThat(calls).containsExactly(List.of("main", "select 1", true));
    }

    @Test
    void aReturnInACallBlockEndsTheMacroThatCalledCallerAsInDbt() {
        JinjaEngine engine = engine(withInternal("dbt"),
                file("dbt", "macros/statement.sql", """
                        {% macro statement(name=None) -%}
                          {%- set sql = caller() -%}
                          {%- do run(name, sql) -%}
                        {%- endmacro %}
                        """),
                file("root", "macros/values.sql", """
                        {% macro values_or(default) -%}
                          {%- call statement('values') -%}
                            {%- if default is not none -%}{{ return(default) }}{%- endif -%}
                            select 1
                          {%- endcall -%}
                          {{ return('after:' ~ default) }}
                        {%- endmacro %}
                        """));
        List<Object> calls = new ArrayList<>();
        JinjaFunction run = (args, kwargs) -> {
            calls.add(args);
            return null;
        };
        String out = render(engine, "root", "{{ values_or([]) }}|{{ values_or(none) }}", Map.of("run", run));
        // the first call's statement ended at return([]) and ran nothing; values_or carried on
        assertThat(out).isEqualTo("after:[]|after:None");
        assertThat(calls).containsExactly(List.of("values", "select 1"));
    }

    @Test
    void dbtDotRunQueryIsTheGlobalEvenInAPackageWithItsOwnRunQuery() {
        JinjaEngine engine = engine(withInternal("dbt"),
                file("tracker", "macros/run_query.sql", """
                        {% macro run_query(query) -%}
                          {{ return('wrapped:' ~ dbt.run_query(query)) }}
                        {%- endmacro %}
                        """));
        JinjaFunction runQuery = (args, kwargs) -> "ran " + args.get(0);
        assertThat(render(engine, "root", "{{ tracker.run_query('select 1') }}", Map.of("run_query", runQuery)))
                .isEqualTo("wrapped:ran select 1");
    }

    /** dbt's {@code config}: callable and with methods. */
    static final class Config implements JinjaFunction, JinjaObject {
        final Map<String, Object> values = new HashMap<>();

        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            values.putAll(kwargs);
            return "";
        }

        @Override
        public Object attribute(String name) {
            return name.equals("get")
                    ? (JinjaFunction) (args, kwargs) -> values.getOrDefault((String) args.get(0), args.size() > 1 ? args.get(1) : null)
                    : null;
        }

        @Override
        public String toString() {
            return "<config>";
        }
    }

    @Test
    void objectThatIsCallableAndHasAttributes() {
        JinjaEngine engine = engine(rootOnly());
        Config config = new Config();
        String out = render(engine, "root",
                "{{ config(materialized='table', tags=['a']) }}{{ config.get('materialized') }}|{{ config.get('x', 'dflt') }}|{{ config }}",
                Map.of("config", config));
        assertThat(out).isEqualTo("table|dflt|<config>");
        assertThat(config.values).containsEntry("tags", List.of("a"));
    }

    @Test
    void javaObjectsAsDictKeysAndValues() {
        JinjaEngine engine = engine(rootOnly());
        JinjaObject rel = new JinjaObject() {
            @Override
            public Object attribute(String name) {
                return name.equals("schema") ? "main" : null;
            }

            @Override
            public String toString() {
                return "\"db\".\"main\".\"t\"";
            }
        };
        String out = render(engine, "root",
                "{% set d = {} %}{% do d.update({rel: 1}) %}{{ d[rel] }} {{ rel.schema }} {{ rel }} {{ rel.nope is defined }}",
                Map.of("rel", rel));
        assertThat(out).isEqualTo("1 main \"db\".\"main\".\"t\" False");
    }

    @Test
    void renderStringAndMacrosAsValues() {
        JinjaEngine engine = engine(rootOnly(),
                file("root", "m.sql", "{% macro pick(f) %}{{ return(f) }}{% endmacro %}{% macro hi(x) %}hi {{ x }}{% endmacro %}"));
        JinjaFunction envVar = (args, kwargs) -> "v-" + args.get(0);
        assertThat(engine.renderString("{{ env_var('X') }}", Map.of("env_var", envVar))).isEqualTo("v-X");
        assertThat(engine.renderString("{{ env_var('X') }}", Map.of("env_var", envVar))).isEqualTo("v-X");
        assertThat(engine.renderString("{% set f = pick(hi) %}{{ f('there') }}", Map.of())).isEqualTo("hi there");
        Object macro = engine.callMacro("root", "pick", List.of("x"), Map.of(), Map.of());
        assertThat(macro).isEqualTo("x");
    }
}
