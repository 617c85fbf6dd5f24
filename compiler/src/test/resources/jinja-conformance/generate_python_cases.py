"""Regenerates python-cases.json: each template rendered by Jinja2 (3.1.6) configured as dbt configures it
(extensions do and loopcontrols, no trim_blocks/lstrip_blocks, the trailing newline dropped), with dbt's
`modules` (Python's re, datetime, itertools). Needs only Python 3 and Jinja2: python3 generate_python_cases.py"""
import datetime
import itertools
import json
import pathlib
import re

import jinja2

CASES = {
    # whitespace control as dbt configures Jinja2
    "ws_comment_trim_both": "\n\n{#- a comment -#}\nselect 1 as id,\n\t{{ 'upper(x)' }}\n",
    "ws_comment_trim_left": "x  \n{#- c #}\na",
    "ws_comment_trim_right": "x {# c -#}\n  a",
    "ws_comment_plain": "-- note\n{# x #}\nselect 1\n",
    "ws_sql_comment_then_tag": "select 1 -- c\n{% if true %}\n, 2{% endif %}\n",
    "ws_tag_trim": "a\n  {%- if 1 -%}\n b \n {%- endif -%}\n c",
    "ws_expr_trim": "a\n  {{- 1 -}}\n b",
    "ws_plus_is_noop": "a {%+ if 1 %} b {% endif +%} c",
    "ws_raw_trim": "a {%- raw -%}  {{ x }}  {%- endraw -%}  b",
    "ws_for_trim": "{% for i in [1, 2] -%}\n  {{ i }}\n{%- endfor %}\n",
    "ws_for_no_trim_blocks": "{% for i in [1, 2] %}\n  {{ i }}\n{% endfor %}\nend",
    "ws_set_block_trim": "{% set x -%}\n  a \n{%- endset %}[{{ x }}]",
    "ws_macro_trim": "{% macro m() -%}\n  a \n{%- endmacro %}[{{ m() }}]",
    "ws_macro_no_trim": "{% macro m() %}\n  a\n{% endmacro %}[{{ m() }}]",
    "ws_if_else_trim": "{%- if false -%} x {%- elif true -%}\n y \n{%- else -%} z {%- endif -%}",
    "ws_nested_comment_lines": "a\n{#-\n multi\n line\n-#}\nb\n{{ 'c' }}",
    "ws_two_trailing_newlines": "select 1\n\n",
    "ws_leading_blank_then_set": "\n\n{%- set a = 1 -%}\n\nselect {{ a }}",
    # expressions Jinja2 accepts
    "expr_slice_arith": "{% set ns = namespace(w=[1, 2, 3, 4]) %}{% set j = 0 %}{{ ns.w[j+1:] }}|{{ ns.w[j+2:j+3] }}|{{ ns.w[:-1] }}",
    "expr_unary_minus_digit": "{{ 3-1 }}|{{ 3 -1 }}|{{ 2*-1 }}|{{ [1,2][-1] }}|{{ 1+-1 }}",
    "expr_unary_plus": "{{ 1+1 }}|{{ +1 }}|{{ - +2 }}|{{ 2*+3 }}|{% set j = 1 %}{{ j+1 }}",
    "expr_not_in": "{{ 1 not in [2] }}|{{ not 1 in [1] }}|{{ 'a' ~ 1 ~ none }}",
    "expr_conditional_filter": "{{ 'x' if 1 else 'y' | upper }}|{{ ('x' if 0 else 'y') | upper }}",
    # modules.re with Python's pattern rules
    "re_literal_braces": "{{ modules.re.sub('{{\\\\s*(\\\\w+)\\\\s*}}', '<\\\\1>', 'a {{ x }} b') }}",
    "re_brace_quantifiers": "{{ modules.re.findall('a{2}', 'aaaa') }}|{{ modules.re.findall('a{,2}b', 'aaab') }}|{{ modules.re.findall('x{a}', 'x{a}') }}",
    "re_verbose_literal_braces": r"""{{ modules.re.findall('(?ix)\n  ({{\\s*ref\\s*\\()  # opening\n  ([\'\"]?)(\\w+)\\2  # name\n  (\\)\\s*}})  # closing }}\n', "select * from {{ ref('orders') }} join {{ REF(\"x\") }}") }}""",
    "re_named_groups": "{% set m = modules.re.match('(?P<k>\\\\w+)=(?P<v>\\\\w+) (?P=k)', 'a=b a') %}{{ m.group('k') }}|{{ m.group('v') }}|{{ m.groupdict() }}",
    "re_verbose_inline": "{{ modules.re.findall('(?ix)  (from|join) \\\\s+  # keyword\\n  ([a-z_]+) [ ]?', 'FROM orders join x') }}",
    "re_end_z": "{{ modules.re.search('b\\\\Z', 'ab') is not none }}|{{ modules.re.search('b\\\\Z', 'ab\\n') is not none }}|{{ modules.re.search('b$', 'ab\\n') is not none }}",
    "re_comment_group": "{{ modules.re.sub('a(?#note)b', 'X', 'abab') }}|{{ modules.re.split('[,;]\\\\s*', 'a, b;c') }}",
    "re_flags_arg": "{{ modules.re.findall('^x', 'x\\nX', modules.re.M + modules.re.I) }}|{{ modules.re.compile('A', modules.re.IGNORECASE).search('ba').group() }}",
    "re_class_literal_bracket": "{{ modules.re.findall('[[a]+', 'a[b') }}|{{ modules.re.findall('[a&&b]', 'a&b') }}",
    # modules.datetime and itertools
    "dt_strftime": "{{ modules.datetime.datetime(2024, 3, 5, 7, 8, 9).strftime('%Y-%m-%d %H:%M:%S %j %a %b') }}|{{ modules.datetime.date(2024, 3, 5).strftime('%d/%m/%y') }}",
    "dt_fromisoformat": "{{ modules.datetime.datetime.fromisoformat('2024-08-15T12:00:00+00:00') }}|{{ modules.datetime.datetime.fromisoformat('2024-08-15 12:00:00.500000+02:00').tzinfo is none }}|{{ modules.datetime.datetime.fromisoformat('2024-08-15T12:00:00') }}",
    "itertools_basic": "{{ modules.itertools.chain([1], [2]) | list }}|{{ modules.itertools.product('ab', [1]) | list }}|{{ modules.itertools.combinations([1, 2, 3], 2) | list }}",
    "itertools_more": "{{ modules.itertools.permutations([1, 2, 3], 2) | list }}|{{ modules.itertools.islice([1, 2, 3, 4], 2) | list }}|{{ modules.itertools.accumulate([1, 2, 3]) | list }}",
    "itertools_groupby": "{% for k, g in modules.itertools.groupby([1, 1, 2, 3, 3]) %}{{ k }}:{{ g | list | length }};{% endfor %}|{{ modules.itertools.zip_longest([1, 2], [3]) | list }}",
    "itertools_repeat": "{{ modules.itertools.repeat('x', 3) | list }}|{{ modules.itertools.combinations_with_replacement([1, 2], 2) | list }}|{{ modules.itertools.chain.from_iterable([[1], [2]]) | list }}",
    "itertools_rest": "{{ modules.itertools.starmap(modules.re.sub, [('a', 'b', 'aa')]) | list }}|{{ modules.itertools.compress('abc', [1, 0, 1]) | list }}|{{ modules.itertools.product([0, 1], repeat=2) | list }}|{{ modules.itertools.permutations('ab') | list }}",
    # filters over none (dbt_utils equality tests `x in none|map('lower')`)
    "filters_over_none": "{% set x = none %}{{ 'a' in x|map('lower') }}|{{ x|map('lower')|list }}|{{ x|select|list }}|{{ x|reject('none')|list }}|{{ x|selectattr('a')|list }}|{{ x|rejectattr('a')|list }}|{{ x|map(attribute='a')|list }}|{{ ''|map('upper')|list }}",
    # Python lists are mutable wherever they come from
    "list_from_split_append": "{% set l = 'a,b'.split(',') %}{% do l.append('c') %}{{ l }}",
    "list_from_filter_append": "{% set l = [3, 1] | sort %}{% do l.append(0) %}{{ l }}|{% set m = [1, 2] | list %}{% do m.extend([3]) %}{{ m }}",
    "list_from_keys_append": "{% set d = {'a': 1} %}{% set l = d.keys() | list %}{% do l.append('b') %}{{ l }}|{% set v = d.values() | list %}{% do v.insert(0, 0) %}{{ v }}",
    "list_from_map_append": "{% set l = ['a'] | map('upper') | list %}{% do l.append('B') %}{{ l }}|{% set r = range(2) | list %}{% do r.append(5) %}{{ r }}",
}


def main():
    env = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
    modules = {"re": re, "datetime": datetime, "itertools": itertools}
    out = []
    for case_id, template in CASES.items():
        out.append({"id": case_id, "template": template,
                    "output": env.from_string(template).render(modules=modules)})
    here = pathlib.Path(__file__).parent
    (here / "python-cases.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
