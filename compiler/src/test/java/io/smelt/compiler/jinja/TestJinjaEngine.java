package io.smelt.compiler.jinja;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.MacroInfo;
import org.junit.jupiter.api.Test;

import static io.smelt.compiler.jinja.TestingJinja.macro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The engine's contract beyond plain Jinja: dispatch, dbt blocks, positions, errors, Java calls. */
class TestJinjaEngine {
    private static final Path MODEL = Path.of("models/x.sql");

    /** An {@code adapter} global whose {@code dispatch} resolves through the engine, as the compiler's does. */
    private static JinjaObject adapter(JinjaEngine engine) {
        return name -> name.equals("dispatch") ? (JinjaFunction) (args, kwargs) -> engine.resolveDispatch(
                (String) args.get(0), args.size() > 1 ? (String) args.get(1) : (String) kwargs.get("macro_namespace"))
                : null;
    }

    private static JinjaEngine dispatchEngine(Map<String, List<String>> searchOrder) {
        return JinjaEngine.create(new JinjaEngine.Options("root", List.of("duckdb_internal", "dbt"), List.of("duckdb"),
                searchOrder), List.of(
                macro("dbt", "macros/concat.sql", """
                        {% macro concat(fields) %}{{ return(adapter.dispatch('concat', 'dbt')(fields)) }}{% endmacro %}
                        {% macro default__concat(fields) %}default:{{ fields|join('||') }}{% endmacro %}
                        """),
                macro("duckdb_internal", "macros/concat.sql", """
                        {% macro duckdb__concat(fields) %}duckdb:{{ fields|join(' || ') }}{% endmacro %}
                        """),
                macro("my_utils", "macros/thing.sql", """
                        {% macro thing() %}{{ adapter.dispatch('thing', 'my_utils')() }}{% endmacro %}
                        {% macro default__thing() %}utils-default{% endmacro %}
                        """),
                macro("root", "macros/override.sql", "{% macro duckdb__thing() %}root-duckdb{% endmacro %}")));
    }

    private static String render(JinjaEngine engine, String text, Map<String, Object> globals) {
        return engine.render(engine.parse("root", MODEL, text), globals);
    }

    @Test
    void dispatchPrefersAdapterPrefixAcrossInternalPackages() {
        JinjaEngine engine = dispatchEngine(Map.of());
        assertThat(render(engine, "{{ concat(['a', 'b']) }}|{{ dbt.concat(['c']) }}", Map.of("adapter", adapter(engine))))
                .isEqualTo("duckdb:a || b|duckdb:c");
        assertThat(((MacroValue) engine.resolveDispatch("concat", "dbt")).qualifiedName())
                .isEqualTo("duckdb_internal.duckdb__concat");
    }

    @Test
    void dispatchFollowsNamespaceSearchOrder() {
        JinjaEngine plain = dispatchEngine(Map.of());
        assertThat(render(plain, "{{ my_utils.thing() }}", Map.of("adapter", adapter(plain)))).isEqualTo("utils-default");
        JinjaEngine ordered = dispatchEngine(Map.of("my_utils", List.of("root", "my_utils")));
        assertThat(render(ordered, "{{ my_utils.thing() }}", Map.of("adapter", adapter(ordered))))
                .isEqualTo("root-duckdb");
        assertThat(((MacroValue) ordered.resolveDispatch("thing", null)).qualifiedName()).isEqualTo("root.duckdb__thing");
    }

    @Test
    void dispatchNotFoundNamesWhatWasTried() {
        JinjaEngine engine = dispatchEngine(Map.of());
        assertThatThrownBy(() -> engine.resolveDispatch("nope", "my_utils"))
                .isInstanceOf(SmeltException.class)
                .hasMessageContaining("No macro named 'nope' found within namespace: 'my_utils'")
                .hasMessageContaining("'my_utils.duckdb__nope', 'my_utils.default__nope'");
        SmeltException e = catchThrowableOfType(() -> render(engine, "a\n{{ adapter.dispatch('nope', 'dbt')() }}",
                Map.of("adapter", adapter(engine))), SmeltException.class);
        assertThat(e.first().at().toString()).isEqualTo("models/x.sql:2");
        assertThat(e.getMessage()).contains("'duckdb_internal.duckdb__nope'", "'dbt.default__nope'");
    }

    @Test
    void testAndMaterializationBlocksRegisterAsMacros() {
        JinjaEngine engine = JinjaEngine.create(TestingJinja.options(), List.of(macro("dbt", "macros/blocks.sql", """
                {% test not_null(model, column_name) %}select * from {{ model }} where {{ column_name }} is null{% endtest %}
                {% materialization table, adapter='duckdb' %}duckdb table{% endmaterialization %}
                {% materialization view, default %}{{ return('view!') }}{% endmaterialization %}
                {% docs some_doc %}ignored {{ nothing }}{% enddocs %}
                {% snapshot snap %}ignored{% endsnapshot %}
                """)));
        assertThat(engine.hasMacro("dbt", "test_not_null")).isTrue();
        assertThat(engine.hasMacro("dbt", "materialization_table_duckdb")).isTrue();
        assertThat(engine.hasMacro("dbt", "materialization_view_default")).isTrue();
        assertThat(engine.macros()).extracting(MacroInfo::uniqueId).containsExactly("macro.dbt.test_not_null",
                "macro.dbt.materialization_table_duckdb", "macro.dbt.materialization_view_default");
        MacroInfo table = engine.macros().get(1);
        assertThat(table.line()).isEqualTo(2);
        assertThat(table.sql()).isEqualTo("{% materialization table, adapter='duckdb' %}duckdb table{% endmaterialization %}");
        assertThat(engine.callMacro("root", "test_not_null", List.of("t", "c"), Map.of(), Map.of()))
                .isEqualTo("select * from t where c is null");
        assertThat(engine.callMacro("root", "dbt.materialization_view_default", List.of(), Map.of(), Map.of()))
                .isEqualTo("view!");
    }

    @Test
    void currentLineFromJavaFunction() {
        JinjaEngine engine = JinjaEngine.create(TestingJinja.options(), List.of(macro("root", "macros/refs.sql",
                "{% macro twice() %}\n{{ ref('in_macro') }}\n{% endmacro %}")));
        List<String> seen = new ArrayList<>();
        JinjaFunction ref = (args, kwargs) -> {
            seen.add(args.get(0) + "@" + JinjaEngine.currentFile() + ":" + JinjaEngine.currentLine());
            return "\"db\".\"" + args.get(0) + "\"";
        };
        String out = render(engine, "select 1\nunion all\nselect * from {{ ref('x') }}\n{{ twice() }}",
                Map.of("ref", ref));
        assertThat(out).isEqualTo("select 1\nunion all\nselect * from \"db\".\"x\"\n\n\"db\".\"in_macro\"\n");
        assertThat(seen).containsExactly("x@models/x.sql:3", "in_macro@macros/refs.sql:2");
        assertThat(JinjaEngine.currentLine()).isZero();
        assertThat(JinjaEngine.currentFile()).isNull();
    }

    @Test
    void javaFunctionErrorsCarryPositionStackAndCause() {
        JinjaEngine engine = JinjaEngine.create(TestingJinja.options(), List.of(macro("pkg", "macros/m.sql",
                "{% macro m() %}\n  {{ run_query('select') }}\n{% endmacro %}")));
        IllegalStateException boom = new IllegalStateException("engine said no");
        Map<String, Object> globals = Map.of("run_query", (JinjaFunction) (a, k) -> {
            throw boom;
        });
        SmeltException e = catchThrowableOfType(() -> render(engine, "a\nb\n{{ pkg.m() }}", globals),
                SmeltException.class);
        assertThat(e.getCause()).isSameAs(boom);
        assertThat(e.first().at().toString()).isEqualTo("macros/m.sql:2");
        assertThat(e.first().message()).contains("engine said no");
        assertThat(e.first().hint()).isEqualTo("in macro pkg.m (macros/m.sql:2), called from models/x.sql:3");
        SmeltException positioned = new SmeltException(Diagnostic.of(io.smelt.compiler.diag.ErrorKind.GRAPH,
                io.smelt.compiler.diag.SourcePosition.of(Path.of("elsewhere.yml"), 9), "kept"));
        assertThatThrownBy(() -> render(engine, "{{ f() }}", Map.of("f", (JinjaFunction) (a, k) -> {
            throw positioned;
        }))).isSameAs(positioned);
    }

    @Test
    void syntaxErrorsInMacroFilesNameEveryBadFile() {
        SmeltException e = catchThrowableOfType(() -> JinjaEngine.create(TestingJinja.options(), List.of(
                macro("root", "macros/good.sql", "{% macro ok() %}ok{% endmacro %}"),
                macro("root", "macros/bad.sql", "{% macro a() %}\n\n\n{{ 1 + }}\n{% endmacro %}"),
                macro("pkg", "macros/filter.sql", "{% macro b() %}\n{{ x | nope }}{% endmacro %}"))),
                SmeltException.class);
        assertThat(e.diagnostics()).hasSize(2);
        assertThat(e.diagnostics().get(0).at().toString()).isEqualTo("macros/bad.sql:4:8");
        assertThat(e.diagnostics().get(0).message()).isEqualTo("unexpected 'end of print statement'");
        assertThat(e.diagnostics().get(1).at().toString()).startsWith("macros/filter.sql:2");
        assertThat(e.diagnostics().get(1).message()).isEqualTo("No filter named 'nope'.");
    }

    @Test
    void callStatementBlockWithInternalMacro() {
        JinjaEngine engine = JinjaEngine.create(TestingJinja.options(), List.of(macro("dbt", "macros/statement.sql", """
                {% macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
                  {%- if execute: -%}
                    {%- set compiled_code = caller() -%}
                    {%- set res, table = adapter.execute(compiled_code, auto_begin=auto_begin, fetch=fetch_result) -%}
                    {%- if name is not none -%}
                      {{ store_result(name, response=res, agate_table=table) }}
                    {%- endif -%}
                  {%- endif -%}
                {%- endmacro %}
                """)));
        Map<String, Object> results = new LinkedHashMap<>();
        List<Object> executed = new ArrayList<>();
        JinjaObject adapterObject = name -> name.equals("execute") ? (JinjaFunction) (a, k) -> {
            executed.add(a.get(0) + " fetch=" + k.get("fetch"));
            return List.of("OK", List.of(List.of(1L)));
        } : null;
        Map<String, Object> globals = Map.of(
                "execute", true,
                "adapter", adapterObject,
                "store_result", (JinjaFunction) (a, k) -> {
                    results.put((String) a.get(0), Map.of("response", k.get("response"), "data", k.get("agate_table")));
                    return "";
                },
                "load_result", (JinjaFunction) (a, k) -> results.get(a.get(0)));
        String out = render(engine, "{% call statement('main', fetch_result=True) %}select {{ 1 }}{% endcall %}"
                + "{{ load_result('main')['data'][0][0] }}", globals);
        assertThat(out).isEqualTo("1");
        assertThat(executed).containsExactly("select 1 fetch=true");
    }

    @Test
    void macrosAreValuesAcrossTheBoundary() {
        JinjaEngine engine = TestingJinja.corpusEngine();
        Object getList = engine.lookupMacro("root", "probe_pkg.get_list");
        assertThat(getList).isInstanceOf(JinjaFunction.class);
        assertThat(engine.lookupMacro("probe_pkg", "helper")).isNotSameAs(engine.lookupMacro("root", "helper"));
        assertThat(engine.lookupMacro("root", "no_such")).isNull();
        assertThat(render(engine, "{% set f = g %}{{ f()[0] }}", Map.of("g", getList))).isEqualTo("x");
        assertThat(engine.callMacro("root", "probe_pkg.get_dict", List.of(), Map.of(), Map.of()))
                .isEqualTo(Map.of("k", "v", "n", 1L));
        assertThat(engine.callMacro("root", "helper", List.of(), Map.of(), Map.of())).isEqualTo("root-helper");
        assertThat(engine.renderString("{{ x ~ 1 }}", Map.of("x", "a"))).isEqualTo("a1");
    }

    @Test
    void pythonValuesCrossTheBoundary() {
        JinjaEngine engine = TestingJinja.corpusEngine();
        List<Object> seen = new ArrayList<>();
        JinjaFunction capture = (a, k) -> {
            seen.addAll(a);
            return null;
        };
        render(engine, "{% do f(none, true, 1, 1.5, 's', [1], {'a': 1}, (1, 2), zz) %}", Map.of("f", capture));
        assertThat(seen).containsExactly(null, true, 1L, 1.5, "s", List.of(1L), Map.of("a", 1L), PyTuple.of(1L, 2L),
                null);
        assertThat(seen.get(7).toString()).isEqualTo("(1, 2)");
        assertThat(render(engine, "{{ v }}|{{ v.a }}|{{ n + 1 }}|{{ o }}|{{ o.k }}|{{ o.missing is defined }}",
                Map.of("v", Map.of("a", 2), "n", 41, "o", new JinjaObject() {
                    @Override
                    public Object attribute(String name) {
                        return name.equals("k") ? "K" : null;
                    }

                    @Override
                    public String toString() {
                        return "\"quoted\"";
                    }
                }))).isEqualTo("{'a': 2}|2|42|\"quoted\"|K|False");
    }

    @Test
    void raiseCompilerErrorAndUndefinedCallsAreErrors() {
        JinjaEngine engine = TestingJinja.corpusEngine();
        assertThatThrownBy(() -> render(engine, "\n{{ exceptions.raise_compiler_error('bad ' ~ 1) }}", Map.of()))
                .isInstanceOf(SmeltException.class).hasMessageContaining("models/x.sql:2: error: Compilation Error: bad 1");
        assertThatThrownBy(() -> render(engine, "{{ zz.attr }}", Map.of())).hasMessageContaining("'zz' is undefined");
        assertThat(render(engine, "[{{ zz }}]{{ none is none }}", Map.of())).isEqualTo("[]True");
    }

    @Test
    void deepRecursionWorksAndRunawayRecursionIsAnError() {
        JinjaEngine engine = TestingJinja.corpusEngine();
        String f = "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{% else %}done{% endif %}{% endmacro %}";
        assertThat(render(engine, f + "{{ f(300) }}", Map.of())).isEqualTo("done");
        assertThatThrownBy(() -> render(engine, f + "{{ f(100000) }}", Map.of()))
                .isInstanceOf(SmeltException.class).hasMessageContaining("maximum recursion depth");
    }
}
