{#- The rest of dbt's cross-database macros (dbt-adapters' global_project/macros/utils and
    adapters/timestamps.sql): arrays, dates, series, equality. The default__ versions write the SQL
    dbt's defaults write; engines override them where their dialect differs. -#}

{% macro array_construct(inputs=[], data_type=api.Column.translate_type('integer')) -%}
  {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) }}
{%- endmacro %}
{% macro default__array_construct(inputs, data_type) -%}
  {%- if inputs | length > 0 -%}
    array[ {{ inputs | join(' , ') }} ]
  {%- else -%}
    array[]::{{ data_type }}[]
  {%- endif -%}
{%- endmacro %}

{% macro array_append(array, new_element) -%}
  {{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}
{%- endmacro %}
{% macro default__array_append(array, new_element) -%}array_append({{ array }}, {{ new_element }}){%- endmacro %}

{% macro array_concat(array_1, array_2) -%}
  {{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}
{%- endmacro %}
{% macro default__array_concat(array_1, array_2) -%}array_cat({{ array_1 }}, {{ array_2 }}){%- endmacro %}

{#- date(2024, 2, 29): a date literal; an impossible date is an error, as Python's datetime.date makes it. -#}
{% macro date(year, month, day) -%}
  {{ return(adapter.dispatch('date', 'dbt')(year, month, day)) }}
{%- endmacro %}
{% macro default__date(year, month, day) -%}
  to_date('{{ modules.datetime.date(year, month, day).strftime('%Y-%m-%d') }}', 'YYYY-MM-DD')
{%- endmacro %}

{#- With the behaviour flag enable_truthy_nulls_equals_macro, two nulls are equal too. -#}
{% macro equals(expr1, expr2) -%}
  {{ return(adapter.dispatch('equals', 'dbt')(expr1, expr2)) }}
{%- endmacro %}
{% macro default__equals(expr1, expr2) -%}
  {%- if flags.ENABLE_TRUTHY_NULLS_EQUALS_MACRO -%}
    case when (({{ expr1 }} = {{ expr2 }}) or ({{ expr1 }} is null and {{ expr2 }} is null)) then 0 else 1 end = 0
  {%- else -%}
    ({{ expr1 }} = {{ expr2 }})
  {%- endif -%}
{%- endmacro %}

{#- The smallest n with 2^n >= upper_bound. -#}
{% macro get_powers_of_two(upper_bound) -%}
  {{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}
{%- endmacro %}
{% macro default__get_powers_of_two(upper_bound) -%}
  {%- if upper_bound <= 0 -%}
    {{ exceptions.raise_compiler_error("upper bound must be positive") }}
  {%- endif -%}
  {%- for n in range(1, 100) -%}
    {%- if upper_bound <= 2 ** n -%}{{ return(n) }}{%- endif -%}
  {%- endfor -%}
{%- endmacro %}

{#- A query of one column, generated_number, holding 1 to upper_bound: a cross join of n two-row
    tables, each adding a power of two. -#}
{% macro generate_series(upper_bound) -%}
  {{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}
{%- endmacro %}
{% macro default__generate_series(upper_bound) -%}
  {%- set n = dbt.get_powers_of_two(upper_bound) %}
    with p as (
        select 0 as generated_number union all select 1
    ), unioned as (
        select
        {% for i in range(n) -%}
        p{{ i }}.generated_number * power(2, {{ i }}){% if not loop.last %} + {% endif %}
        {% endfor -%}
        + 1 as generated_number
        from
        {% for i in range(n) -%}
        p as p{{ i }}{% if not loop.last %} cross join {% endif %}
        {% endfor %}
    )
    select *
    from unioned
    where generated_number <= {{ upper_bound }}
    order by generated_number
{%- endmacro %}

{#- How many dateparts lie between two dates, asked of the database; 1 when it answers nothing. -#}
{% macro get_intervals_between(start_date, end_date, datepart) -%}
  {{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}
{%- endmacro %}
{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
  {%- call statement('get_intervals_between', fetch_result=True) -%}
    select {{ dbt.datediff(start_date, end_date, datepart) }}
  {%- endcall -%}
  {%- set result = load_result('get_intervals_between') -%}
  {%- if result and result['data'] -%}
    {{ return(result['data'][0][0]) }}
  {%- else -%}
    {{ return(1) }}
  {%- endif -%}
{%- endmacro %}

{#- One row per datepart from start_date up to end_date (excluded), in a column date_<datepart>. -#}
{% macro date_spine(datepart, start_date, end_date) -%}
  {{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}
{%- endmacro %}
{% macro default__date_spine(datepart, start_date, end_date) %}
    with rawdata as (
        {{ dbt.generate_series(dbt.get_intervals_between(start_date, end_date, datepart)) }}
    ),
    all_periods as (
        select ({{ dbt.dateadd(datepart, "row_number() over (order by 1) - 1", start_date) }}) as date_{{ datepart }}
        from rawdata
    ),
    filtered as (
        select *
        from all_periods
        where date_{{ datepart }} <= {{ end_date }}
    )
    select * from filtered
{% endmacro %}

{% macro default_last_day(date, datepart) -%}
  cast({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro %}

{#- split_part with a negative part_number (-1: the last part), for engines whose split_part counts
    only from the left. -#}
{% macro _split_part_negative(string_text, delimiter_text, part_number) -%}
  split_part({{ string_text }}, {{ delimiter_text }},
    length({{ string_text }}) - length(replace({{ string_text }}, {{ delimiter_text }}, '')) + 2 + {{ part_number }})
{%- endmacro %}

{#- Deprecated in dbt, kept for projects that called dbt_utils.current_timestamp(): a timestamp
    without time zone. -#}
{% macro current_timestamp_backcompat() -%}
  {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{%- endmacro %}
{% macro default__current_timestamp_backcompat() -%}current_timestamp::timestamp{%- endmacro %}

{% macro current_timestamp_in_utc_backcompat() -%}
  {{ return(adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')()) }}
{%- endmacro %}
{% macro default__current_timestamp_in_utc_backcompat() -%}
  {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{%- endmacro %}

{#- The type the engine gives snapshot_get_time(), asked of the database. -#}
{% macro get_snapshot_get_time_data_type() -%}
  {%- set columns = get_column_schema_from_query('select ' ~ adapter.dispatch('snapshot_get_time', 'dbt')() ~ ' as dbt_snapshot_time') -%}
  {{ return(columns[0].dtype or none) }}
{%- endmacro %}

{% macro is_core_v2() -%}
  {{ return((dbt_version.split('.') | first | int) == 2) }}
{%- endmacro %}

{#- Hook configs: config(post_hook=after_commit("grant ...")) runs the hook outside the transaction. -#}
{% macro make_hook_config(sql, inside_transaction) -%}
  {{ return({"sql": sql, "transaction": inside_transaction}) }}
{%- endmacro %}
{% macro before_begin(sql) -%}{{ return(make_hook_config(sql, inside_transaction=False)) }}{%- endmacro %}
{% macro in_transaction(sql) -%}{{ return(make_hook_config(sql, inside_transaction=True)) }}{%- endmacro %}
{% macro after_commit(sql) -%}{{ return(make_hook_config(sql, inside_transaction=False)) }}{%- endmacro %}

{#- Dates of a partition range such as '20240228,20240301' (dbt-adapters' etc/datetime.sql). -#}
{% macro convert_datetime(date_str, date_fmt) -%}
  {{ return(modules.datetime.datetime.strptime(date_str.strip(), date_fmt)) }}
{%- endmacro %}

{% macro dates_in_range(start_date_str, end_date_str=none, in_fmt="%Y%m%d", out_fmt="%Y%m%d") -%}
  {%- set start_date = convert_datetime(start_date_str, in_fmt) -%}
  {%- set end_date = convert_datetime(start_date_str if end_date_str is none else end_date_str, in_fmt) -%}
  {%- set day_count = (end_date - start_date).days -%}
  {%- if day_count < 0 -%}
    {{ exceptions.raise_compiler_error("Partition start date is after the end date (" ~ start_date ~ ", " ~ end_date ~ ")") }}
  {%- endif -%}
  {%- set dates = [] -%}
  {%- for i in range(0, day_count + 1) -%}
    {%- set day = start_date + modules.datetime.timedelta(days=i) -%}
    {%- do dates.append(day.strftime(out_fmt) if out_fmt else day) -%}
  {%- endfor -%}
  {{ return(dates) }}
{%- endmacro %}

{% macro partition_range(raw_partition_date, date_fmt='%Y%m%d') -%}
  {%- set bounds = (raw_partition_date | string).split(",") -%}
  {%- if bounds | length == 1 -%}
    {{ return(dates_in_range(bounds[0], none, in_fmt=date_fmt)) }}
  {%- elif bounds | length == 2 -%}
    {{ return(dates_in_range(bounds[0], bounds[1], in_fmt=date_fmt)) }}
  {%- else -%}
    {{ exceptions.raise_compiler_error("Invalid partition time. Expected format: {Start Date}[,{End Date}]. Got: " ~ raw_partition_date) }}
  {%- endif -%}
{%- endmacro %}

{% macro py_current_timestring() -%}
  {{ return(modules.datetime.datetime.now().strftime("%Y%m%d%H%M%S%f")) }}
{%- endmacro %}

{#- {% call set_sql_header(config) %}...{% endcall %}: the model's sql_header. -#}
{% macro set_sql_header(config) -%}
  {{ config.set('sql_header', caller()) }}
{%- endmacro %}
