{#- dbt's global cross-database macros where Trino's SQL differs from the defaults. -#}
{#- An empty array keeps its element type (dbt-trino gives null). -#}
{% macro trino__array_construct(inputs, data_type) -%}
  {%- if inputs | length > 0 -%}
    array[ {{ inputs | join(' , ') }} ]
  {%- else -%}
    cast(array[] as array({{ data_type }}))
  {%- endif -%}
{%- endmacro %}

{% macro trino__array_append(array, new_element) -%}
  {{ dbt.array_concat(array, dbt.array_construct([new_element])) }}
{%- endmacro %}

{% macro trino__array_concat(array_1, array_2) -%}concat({{ array_1 }}, {{ array_2 }}){%- endmacro %}

{% macro trino__date(year, month, day) -%}
  date '{{ modules.datetime.date(year, month, day).strftime('%Y-%m-%d') }}'
{%- endmacro %}

{% macro trino__current_timestamp_backcompat() -%}cast(current_timestamp as timestamp){%- endmacro %}

{#- Trino adds intervals only to dates and timestamps: the bounds are cast to date. -#}
{% macro trino__date_spine(datepart, start_date, end_date) %}
    with rawdata as (
        {{ dbt.generate_series(dbt.get_intervals_between(start_date, end_date, datepart)) }}
    ),
    all_periods as (
        select ({{ dbt.dateadd(datepart, "row_number() over (order by 1) - 1", "cast(" ~ start_date ~ " as date)") }}) as date_{{ datepart }}
        from rawdata
    ),
    filtered as (
        select *
        from all_periods
        where date_{{ datepart }} <= cast({{ end_date }} as date)
    )
    select * from filtered
{% endmacro %}

{% macro trino__snapshot_string_as_time(timestamp) -%}{{ return("timestamp '" ~ timestamp ~ "'") }}{%- endmacro %}

{#- Each Trino catalog has its own information_schema. -#}
{% macro trino__list_schemas(database) -%}
  {{ return(run_query("select distinct schema_name from " ~ adapter.quote(database) ~ ".information_schema.schemata")) }}
{%- endmacro %}
