{#- dbt's cross-database macros where Trino's SQL differs from the compiler's defaults. -#}
{% macro trino__type_numeric() %}{{ return("decimal(28, 6)") }}{% endmacro %}

{#- md5 takes varbinary in Trino; lower-case hex matches md5() on the other engines. -#}
{% macro trino__hash(field) -%}
  lower(to_hex(md5(to_utf8(cast({{ field }} as varchar)))))
{%- endmacro %}

{% macro trino__safe_cast(field, type) -%}try_cast({{ field }} as {{ type }}){%- endmacro %}

{% macro trino__dateadd(datepart, interval, from_date_or_timestamp) -%}
  date_add('{{ datepart | replace("'", "") }}', {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{#- dbt counts the datepart boundaries crossed (Snowflake's datediff); Trino's date_diff counts
    whole units, so both ends are truncated to the datepart first. -#}
{% macro trino__datediff(first_date, second_date, datepart) -%}
  {%- set part = datepart | replace("'", "") | lower -%}
  {%- if part in ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] -%}
  date_diff('{{ part }}', date_trunc('{{ part }}', cast({{ first_date }} as timestamp(6))), date_trunc('{{ part }}', cast({{ second_date }} as timestamp(6))))
  {%- else -%}
    {%- do exceptions.raise_compiler_error("datediff does not support datepart '" ~ part ~ "' on Trino") -%}
  {%- endif -%}
{%- endmacro %}

{#- Trino's split_part has no negative positions; element_at counts them from the end. -#}
{% macro trino__split_part(string_text, delimiter_text, part_number) -%}
  {%- if part_number is number and part_number < 0 -%}
  element_at(split({{ string_text }}, {{ delimiter_text }}), {{ part_number }})
  {%- else -%}
  split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
  {%- endif -%}
{%- endmacro %}

{% macro trino__right(string_text, length_expression) -%}
  case when {{ length_expression }} = 0 then '' else substr({{ string_text }}, -({{ length_expression }})) end
{%- endmacro %}

{% macro trino__any_value(expression) -%}arbitrary({{ expression }}){%- endmacro %}

{% macro trino__bool_or(expression) -%}bool_or({{ expression }}){%- endmacro %}

{% macro trino__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  {%- set collected -%}array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}){%- endset -%}
  {%- if limit_num -%}
  array_join(slice({{ collected }}, 1, {{ limit_num }}), {{ delimiter_text }})
  {%- else -%}
  array_join({{ collected }}, {{ delimiter_text }})
  {%- endif -%}
{%- endmacro %}

{% macro trino__current_timestamp() -%}current_timestamp{%- endmacro %}

{% macro trino__cast_bool_to_text(field) -%}cast({{ field }} as varchar){%- endmacro %}
