{#- Trino versions of dbt_utils macros whose SQL Trino rejects, for the built-in dbt_utils and an
    installed one alike: the dbt_utils namespace searches this package before dbt_utils itself
    (as a trino_utils shim package would) unless dbt_project.yml sets its own dispatch order. -#}

{#- Trino has neither qualify nor natural joins: the first rows are selected by their column list,
    which only a relation (not a CTE's name) can give. -#}
{% macro trino__deduplicate(relation, partition_by, order_by) -%}
  {%- if relation.identifier is not defined -%}
    {{ exceptions.raise_compiler_error("deduplicate on Trino needs a relation (ref() or source()), not the CTE '" ~ relation ~ "'") }}
  {%- endif -%}
  {{- deduplicate_by_column_list(relation, partition_by, order_by) -}}
{%- endmacro %}

{#- dbt_utils' equal_rowcount and fewer_rows_than group by their constant join key's alias, which
    Trino cannot resolve; a constant needs no grouping, so only the named columns are grouped. -#}
{% macro trino__rowcounts_by_group(relation, group_by_columns, key, count_name) -%}
select
    {% for c in group_by_columns %}{{ c }}, {% endfor %}1 as {{ key }},
    count(*) as {{ count_name }}
from {{ relation }}
{%- if group_by_columns %}
group by {{ group_by_columns | join(', ') }}
{%- endif %}
{%- endmacro %}

{% macro trino__rowcounts_joined(group_by_columns, key) -%}
    {%- for c in [key] + group_by_columns %}
        a.{{ c }} as {{ c }}_a,
        b.{{ c }} as {{ c }}_b,
    {%- endfor %}
{%- endmacro %}

{% macro trino__rowcounts_join_condition(group_by_columns, key) -%}
a.{{ key }} = b.{{ key }}{% for c in group_by_columns %} and a.{{ c }} = b.{{ c }}{% endfor %}
{%- endmacro %}

{% macro trino__test_equal_rowcount(model, compare_model, group_by_columns) -%}
{{ config(fail_calc = 'sum(coalesce(diff_count, 0))') }}
{%- set key = 'id_dbtutils_test_equal_rowcount' -%}
with a as (
    {{ trino__rowcounts_by_group(model, group_by_columns, key, 'count_a') }}
),
b as (
    {{ trino__rowcounts_by_group(compare_model, group_by_columns, key, 'count_b') }}
),
final as (
    select
        {{- trino__rowcounts_joined(group_by_columns, key) }}
        count_a,
        count_b,
        abs(count_a - count_b) as diff_count
    from a
    full join b on {{ trino__rowcounts_join_condition(group_by_columns, key) }}
)
select * from final
{%- endmacro %}

{% macro trino__test_fewer_rows_than(model, compare_model, group_by_columns) -%}
{{ config(fail_calc = 'sum(coalesce(row_count_delta, 0))') }}
{%- set key = 'id_dbtutils_test_fewer_rows_than' -%}
with a as (
    {{ trino__rowcounts_by_group(model, group_by_columns, key, 'count_our_model') }}
),
b as (
    {{ trino__rowcounts_by_group(compare_model, group_by_columns, key, 'count_comparison_model') }}
),
counts as (
    select
        {{- trino__rowcounts_joined(group_by_columns, key) }}
        count_our_model,
        count_comparison_model
    from a
    full join b on {{ trino__rowcounts_join_condition(group_by_columns, key) }}
)
select
    *,
    case
        when count_our_model > count_comparison_model then count_our_model - count_comparison_model
        when count_our_model = count_comparison_model then 1
        else 0
    end as row_count_delta
from counts
{%- endmacro %}

{#- dbt_utils' get_tables_by_pattern_sql uses ilike, which Trino lacks: the same with lower() like. -#}
{% macro trino__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database) -%}
{{ tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database) }}
{%- endmacro %}
