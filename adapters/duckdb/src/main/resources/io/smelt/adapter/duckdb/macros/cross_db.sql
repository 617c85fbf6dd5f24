{#- dbt's cross-database macros where DuckDB's SQL differs from the compiler's defaults: DuckDB has no
    dateadd(part, n, x), and its date_diff takes the part as text. -#}
{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) -%}
  ({{ from_date_or_timestamp }} + (interval 1 {{ datepart | replace("'", "") }}) * ({{ interval }}))
{%- endmacro %}

{#- Boundaries of datepart crossed between the two, as dbt counts them. -#}
{% macro duckdb__datediff(first_date, second_date, datepart) -%}
  date_diff('{{ datepart | replace("'", "") }}', cast({{ first_date }} as timestamp), cast({{ second_date }} as timestamp))
{%- endmacro %}

{#- A value that does not convert is null, as safe_cast promises (and Trino's and Spark's give). -#}
{% macro duckdb__safe_cast(field, type) -%}
  try_cast({{ field }} as {{ type }})
{%- endmacro %}
