{#- dbt_utils' generic tests, for projects that have not installed dbt_utils (an installed one replaces
    this package). Each dispatches in the dbt_utils namespace like the package's own, so a project or
    an engine module can override one with <engine>__test_<name>. Each query returns the failing rows. -#}

{% test expression_is_true(model, expression, column_name=None) %}
  {{ return(adapter.dispatch('test_expression_is_true', 'dbt_utils')(model, expression, column_name)) }}
{% endtest %}

{% macro default__test_expression_is_true(model, expression, column_name) %}
select *
from {{ model }}
where not ({% if column_name is not none %}{{ column_name }} {% endif %}{{ expression }})
{% endmacro %}


{% test unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
  {{ return(adapter.dispatch('test_unique_combination_of_columns', 'dbt_utils')(model, combination_of_columns, quote_columns)) }}
{% endtest %}

{% macro default__test_unique_combination_of_columns(model, combination_of_columns, quote_columns) %}
{%- set columns = [] -%}
{%- for column in combination_of_columns -%}
  {%- do columns.append(adapter.quote(column) if quote_columns else column) -%}
{%- endfor -%}
select {{ columns | join(', ') }}, count(*) as duplicates
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endmacro %}


{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
  {{ return(adapter.dispatch('test_accepted_range', 'dbt_utils')(model, column_name, min_value, max_value, inclusive)) }}
{% endtest %}

{% macro default__test_accepted_range(model, column_name, min_value, max_value, inclusive) %}
{%- if min_value is none and max_value is none -%}
  {{ exceptions.raise_compiler_error("accepted_range needs min_value, max_value or both") }}
{%- endif -%}
{%- set bounds = [] -%}
{%- if min_value is not none -%}
  {%- do bounds.append(column_name ~ (' >= ' if inclusive else ' > ') ~ min_value) -%}
{%- endif -%}
{%- if max_value is not none -%}
  {%- do bounds.append(column_name ~ (' <= ' if inclusive else ' < ') ~ max_value) -%}
{%- endif -%}
select *
from {{ model }}
where not ({{ bounds | join(' and ') }})
{% endmacro %}


{% test not_null_proportion(model, column_name, at_least, at_most=1.0, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_not_null_proportion', 'dbt_utils')(model, column_name, at_least, at_most, group_by_columns)) }}
{% endtest %}

{% macro default__test_not_null_proportion(model, column_name, at_least, at_most, group_by_columns) %}
{%- set groups = group_by_columns | join(', ') -%}
with proportions as (
    select
        {% if groups %}{{ groups }}, {% endif %}
        sum(case when {{ column_name }} is null then 0 else 1 end) / cast(count(*) as {{ dbt.type_numeric() }}) as not_null_proportion
    from {{ model }}
    {% if groups %}group by {{ groups }}{% endif %}
)
select *
from proportions
where not_null_proportion < {{ at_least }} or not_null_proportion > {{ at_most }}
{% endmacro %}


{% test at_least_one(model, column_name, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_at_least_one', 'dbt_utils')(model, column_name, group_by_columns)) }}
{% endtest %}

{% macro default__test_at_least_one(model, column_name, group_by_columns) %}
{%- set groups = group_by_columns | join(', ') -%}
select *
from (
    select {% if groups %}{{ groups }}, {% endif %}count({{ column_name }}) as values_present
    from {{ model }}
    {% if groups %}group by {{ groups }}{% endif %}
) counted
where values_present = 0
{% endmacro %}


{% test not_constant(model, column_name, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_not_constant', 'dbt_utils')(model, column_name, group_by_columns)) }}
{% endtest %}

{% macro default__test_not_constant(model, column_name, group_by_columns) %}
{%- set groups = group_by_columns | join(', ') -%}
select *
from (
    select {% if groups %}{{ groups }}, {% endif %}count(distinct {{ column_name }}) as distinct_values
    from {{ model }}
    {% if groups %}group by {{ groups }}{% endif %}
) counted
where distinct_values = 1
{% endmacro %}


{% test recency(model, field, datepart, interval, ignore_time_component=false, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_recency', 'dbt_utils')(model, field, datepart, interval, ignore_time_component, group_by_columns)) }}
{% endtest %}

{% macro default__test_recency(model, field, datepart, interval, ignore_time_component, group_by_columns) %}
{%- set groups = group_by_columns | join(', ') -%}
{%- set compared_as = 'date' if ignore_time_component else dbt.type_timestamp() -%}
{%- set threshold = 'cast(' ~ dbt.dateadd(datepart, -1 * interval, dbt.current_timestamp()) ~ ' as ' ~ compared_as ~ ')' -%}
with latest as (
    select {% if groups %}{{ groups }}, {% endif %}cast(max({{ field }}) as {{ compared_as }}) as most_recent
    from {{ model }}
    {% if groups %}group by {{ groups }}{% endif %}
)
select latest.*, {{ threshold }} as threshold
from latest
where most_recent is null or most_recent < {{ threshold }}
{% endmacro %}


{% test equal_rowcount(model, compare_model, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_equal_rowcount', 'dbt_utils')(model, compare_model, group_by_columns)) }}
{% endtest %}

{#- One row per group whose counts differ; the failures are the rows missing on either side. -#}
{% macro default__test_equal_rowcount(model, compare_model, group_by_columns) %}
{{ config(fail_calc='sum(coalesce(diff_count, 0))') }}
{%- set groups = group_by_columns | join(', ') -%}
{%- set keys = ['dbt_utils_all_rows'] + group_by_columns -%}
with left_counts as (
    select 1 as dbt_utils_all_rows, counted.*
    from (
        select {% if groups %}{{ groups }}, {% endif %}count(*) as count_a
        from {{ model }}
        {% if groups %}group by {{ groups }}{% endif %}
    ) counted
),
right_counts as (
    select 1 as dbt_utils_all_rows, counted.*
    from (
        select {% if groups %}{{ groups }}, {% endif %}count(*) as count_b
        from {{ compare_model }}
        {% if groups %}group by {{ groups }}{% endif %}
    ) counted
)
select
    {% for c in group_by_columns %}coalesce(l.{{ c }}, r.{{ c }}) as {{ c }}, {% endfor %}
    coalesce(count_a, 0) as count_a,
    coalesce(count_b, 0) as count_b,
    abs(coalesce(count_a, 0) - coalesce(count_b, 0)) as diff_count
from left_counts l
full outer join right_counts r
    on {% for c in keys %}l.{{ c }} = r.{{ c }}{% if not loop.last %} and {% endif %}{% endfor %}
where coalesce(count_a, 0) <> coalesce(count_b, 0)
{% endmacro %}


{% test equality(model, compare_model, compare_columns=None, exclude_columns=None) %}
  {{ return(adapter.dispatch('test_equality', 'dbt_utils')(model, compare_model, compare_columns, exclude_columns)) }}
{% endtest %}

{#- Rows in one relation and not the other, both ways; without compare_columns, every column of the
    tested model (less exclude_columns), in its order. -#}
{% macro default__test_equality(model, compare_model, compare_columns, exclude_columns) %}
{%- if compare_columns -%}
  {%- set columns = compare_columns -%}
{%- elif execute and model.identifier is defined and model.identifier -%}
  {%- set excluded = (exclude_columns or []) | map('lower') | list -%}
  {%- set columns = [] -%}
  {%- for column in adapter.get_columns_in_relation(model) -%}
    {%- if column.name | lower not in excluded -%}{%- do columns.append(column.quoted) -%}{%- endif -%}
  {%- endfor -%}
{%- else -%}
  {%- set columns = ['*'] -%}
{%- endif -%}
{%- set column_list = columns | join(', ') -%}
with tested as (
    select {{ column_list }} from {{ model }}
),
compared as (
    select {{ column_list }} from {{ compare_model }}
),
only_tested as (
    select * from tested
    {{ dbt.except() }}
    select * from compared
),
only_compared as (
    select * from compared
    {{ dbt.except() }}
    select * from tested
)
select * from only_tested
union all
select * from only_compared
{% endmacro %}


{% test relationships_where(model, column_name, to, field, from_condition='1=1', to_condition='1=1') %}
  {{ return(adapter.dispatch('test_relationships_where', 'dbt_utils')(model, column_name, to, field, from_condition, to_condition)) }}
{% endtest %}

{% macro default__test_relationships_where(model, column_name, to, field, from_condition, to_condition) %}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null and ({{ from_condition }})
),
parent as (
    select {{ field }} as to_field
    from {{ to }}
    where {{ to_condition }}
)
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
{% endmacro %}


{% test sequential_values(model, column_name, interval=1, datepart=None, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_sequential_values', 'dbt_utils')(model, column_name, interval, datepart, group_by_columns)) }}
{% endtest %}

{#- A row fails when it is not the previous row (in the column's order, per group) plus interval. -#}
{% macro default__test_sequential_values(model, column_name, interval, datepart, group_by_columns) %}
{%- set groups = group_by_columns | join(', ') -%}
with ordered as (
    select
        {% if groups %}{{ groups }}, {% endif %}
        {{ column_name }} as current_value,
        lag({{ column_name }}) over ({% if groups %}partition by {{ groups }} {% endif %}order by {{ column_name }}) as previous_value
    from {{ model }}
)
select *
from ordered
where previous_value is not null
{%- if datepart %}
  and cast(current_value as {{ dbt.type_timestamp() }}) <> cast({{ dbt.dateadd(datepart, interval, 'previous_value') }} as {{ dbt.type_timestamp() }})
{%- else %}
  and current_value <> previous_value + {{ interval }}
{%- endif %}
{% endmacro %}


{% test mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=false) %}
  {{ return(adapter.dispatch('test_mutually_exclusive_ranges', 'dbt_utils')(model, lower_bound_column, upper_bound_column, partition_by, gaps, zero_length_range_allowed)) }}
{% endtest %}

{#- Ranges in lower bound order, per partition: each must end before (gaps required), at (gaps not
    allowed) or no later than (gaps allowed) the next one starts, and must not end before it starts
    (nor where it starts, unless zero_length_range_allowed). -#}
{% macro default__test_mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by, gaps, zero_length_range_allowed) %}
{%- set to_next = {'not_allowed': '=', 'allowed': '<=', 'required': '<'} -%}
{%- if gaps not in to_next -%}
  {{ exceptions.raise_compiler_error("mutually_exclusive_ranges: gaps must be one of not_allowed, allowed, required; got '" ~ gaps ~ "'") }}
{%- endif -%}
{%- set within = '<=' if zero_length_range_allowed else '<' -%}
{%- set window = ('partition by ' ~ partition_by ~ ' ' if partition_by else '') -%}
with ranges as (
    select
        {% if partition_by %}{{ partition_by }} as partition_value, {% endif %}
        {{ lower_bound_column }} as lower_bound,
        {{ upper_bound_column }} as upper_bound,
        lead({{ lower_bound_column }}) over ({{ window }}order by {{ lower_bound_column }}, {{ upper_bound_column }}) as next_lower_bound,
        row_number() over ({{ window }}order by {{ lower_bound_column }} desc, {{ upper_bound_column }} desc) as position_from_end
    from {{ model }}
)
select *
from ranges
where not (
    coalesce(lower_bound {{ within }} upper_bound, false)
    and (position_from_end = 1 or coalesce(upper_bound {{ to_next[gaps] }} next_lower_bound, false))
)
{% endmacro %}
