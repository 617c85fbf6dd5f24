{#- dbt's global cross-database macros where Spark's SQL differs from the defaults. -#}
{#- array() of no inputs is an array of nulls' type; cast it so that it has the element type. -#}
{% macro spark__array_construct(inputs, data_type) -%}
  {%- if inputs | length > 0 -%}
    array( {{ inputs | join(' , ') }} )
  {%- else -%}
    cast(array() as array<{{ data_type }}>)
  {%- endif -%}
{%- endmacro %}

{% macro spark__array_append(array, new_element) -%}
  {{ dbt.array_concat(array, dbt.array_construct([new_element])) }}
{%- endmacro %}

{% macro spark__array_concat(array_1, array_2) -%}concat({{ array_1 }}, {{ array_2 }}){%- endmacro %}

{% macro spark__date(year, month, day) -%}
  to_date('{{ modules.datetime.date(year, month, day).strftime('%Y-%m-%d') }}', 'yyyy-MM-dd')
{%- endmacro %}

{% macro spark__current_timestamp_backcompat() -%}cast(current_timestamp() as timestamp){%- endmacro %}

{% macro spark__snapshot_string_as_time(timestamp) -%}{{ return("to_timestamp('" ~ timestamp ~ "')") }}{%- endmacro %}

{#- Spark has no information_schema; SHOW SCHEMAS lists the schemas. -#}
{% macro spark__list_schemas(database) -%}{{ return(run_query("show schemas")) }}{%- endmacro %}
