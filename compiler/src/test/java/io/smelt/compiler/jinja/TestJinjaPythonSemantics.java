package io.smelt.compiler.jinja;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Constructs beyond the conformance corpus; expected values are what Jinja2 3.1.6 renders. */
class TestJinjaPythonSemantics {
    private static final JinjaEngine ENGINE =
            JinjaEngine.create(new JinjaEngine.Options("root", List.of(), List.of(), Map.of()), List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '`', textBlock = """
            {% if true: %}y{% endif %}|{% for x in [1,2]: %}{{ x }}{% endfor %}            # y|12
            {{ 'a' 'b' "c" }}                                                               # abc
            {{ [1] | is_list }}{{ (1,) | is_list }}                                         # TrueFalse
            {{ '%s and %d' % ('x', 3) }}|{{ '%-5s|' % 'ab' }}|{{ '%.2f' % 1.005 }}           # x and 3|ab   ||1.00
            {% set d = {'b': 1, 'a': 2} %}{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}{{ d | tojson }} # b=1;a=2;{"a": 2, "b": 1}
            {{ 'A-B-C'.split('-') | join('+') }}|{{ 'x'.rjust(3, '.') }}|{{ 'abc'.replace('b', '') }} # A+B+C|..x|ac
            {{ [3, 1, 2] | sort | reverse | list }}|{{ {'a': 1}.get('b') }}|{{ none }}|{{ [none] }} # [3, 2, 1]|None|None|[None]
            {% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}in{% endcall %}       # in
            {{ 1.5e3 }}|{{ 2 ** 0.5 }}|{{ 10 // 3 }}|{{ 1 / 3 }}|{{ 1e20 }}|{{ 0.1 + 0.2 }} # 1500.0|1.4142135623730951|3|0.3333333333333333|1e+20|0.30000000000000004
            {{ modules.re.sub('[0-9]+', 'N', 'a1b22') }}|{{ modules.re.match('(\\w)\\d', 'x1').group(1) }} # aNbN|x
            {{ modules.datetime.datetime(2024, 1, 2, 3, 4).strftime('%Y/%m/%d %H:%M') }}|{{ (modules.datetime.date(2024, 1, 31) + modules.datetime.timedelta(days=1)).isoformat() }} # 2024/01/02 03:04|2024-02-01
            {% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}|{{ range(3) | list | tojson }} # 3|[0, 1, 2]
            {% set xs = [] %}{% for i in [1,2,3] %}{% set xs = xs.append(i) %}{% endfor %}{{ xs }}|{% set n = 0 %}{% for i in [1,2,3] %}{% set n = n + i %}{{ n }},{% endfor %}{{ n }} # [1, 2, 3]|1,2,3,0
            {{ 'é'|length }}|{{ 'abc'[::-1] }}|{{ [1,2,3][-2:] }}                           # 1|cba|[2, 3]
            {{ {'a': {'b': 1}}.a.b }}|{{ {'k': {'v': '}}'}}['k'] -}} {{- '' }}|{% raw %}{{ x }}}{% endraw %}|{% set d = {'a': {'b': 2}} %}{{ d.a }} # 1|{'v': '}}'}|{{ x }}}|{'b': 2}
            {{ x|default(none) is none }}|{{ []|first is defined }}|{{ [1]|first is number and 'a'|upper is string }}|{{ x|default(1) is not none }} # True|False|True|True
            {{ dict(a='b' ~ 'c', d=1 + 2) }}|{% macro f(x, y=none) %}{{ x }}{{ y }}{% endmacro %}{{ f(x='p' ~ 1, y=2 if true else 3) }} # {'a': 'bc', 'd': 3}|p12
            {{ modules.datetime.datetime(1997, 9, 29, 6, 14, 0, tzinfo=modules.pytz.timezone('America/Los_Angeles')) }}|{{ modules.pytz.timezone('America/Los_Angeles').localize(modules.datetime.datetime(2024, 7, 1, 12, 0)) }} # 1997-09-29 06:14:00-07:53|2024-07-01 12:00:00-07:00
            {{ modules.datetime.datetime(2024, 1, 1, 12, 0, tzinfo=modules.pytz.utc).astimezone(modules.pytz.timezone('Europe/Paris')) }}|{{ modules.pytz.timezone('Europe/Paris').zone }}|{{ modules.pytz.timezone('UTC') }} # 2024-01-01 13:00:00+01:00|Europe/Paris|UTC
            {{ 100000000000000000000 + 1 }}|{{ -9223372036854775809 }}|{{ () }}|{{ ()|length }}|{{ (1,) }} # 100000000000000000001|-9223372036854775809|()|0|(1,)
            """)
    void rendersLikeJinja2(String template, String expected) {
        assertThat(ENGINE.render(ENGINE.parse("root", Path.of("t.sql"), template.strip()), Map.of())).isEqualTo(expected.strip());
    }

    /** A generic test's YAML arguments reach its macro through {@code **kwargs}; Python lists there can be changed. */
    @org.junit.jupiter.api.Test
    void listsPassedFromJavaAreMutable() {
        String template = "{% macro m(cols, opts) %}{% do cols.append('b') %}{% do opts.update({'y': 2}) %}"
                + "{{ cols }}{{ opts }}{% endmacro %}{{ m(**kw) }}|{{ m(*args) }}";
        Map<String, Object> kw = Map.of("cols", List.of("a"), "opts", Map.of("x", 1));
        assertThat(ENGINE.render(ENGINE.parse("root", Path.of("t.sql"), template),
                Map.of("kw", kw, "args", List.of(List.of("a"), Map.of("x", 1)))))
                .isEqualTo("['a', 'b']{'x': 1, 'y': 2}|['a', 'b']{'x': 1, 'y': 2}");
    }
}
