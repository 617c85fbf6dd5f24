{#- dbt's cross-database macros where Spark's SQL differs from the compiler's defaults. -#}
{% macro spark__type_numeric() %}{{ return("decimal(28, 6)") }}{% endmacro %}

{% macro spark__safe_cast(field, type) -%}try_cast({{ field }} as {{ type }}){%- endmacro %}

{#- Spark string literals take backslash escapes, and '' ends one literal and starts another. -#}
{% macro spark__escape_single_quotes(expression) -%}{{ expression | replace("\\", "\\\\") | replace("'", "\\'") }}{%- endmacro %}

{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
  timestampadd({{ datepart | replace("'", "") }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{#- dbt counts the datepart boundaries crossed; Spark's timestampdiff counts whole units, so both
    ends are truncated to the datepart first. -#}
{% macro spark__datediff(first_date, second_date, datepart) -%}
  {%- set part = datepart | replace("'", "") | lower -%}
  {%- if part in ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] -%}
  timestampdiff({{ part }}, date_trunc('{{ part }}', cast({{ first_date }} as timestamp)), date_trunc('{{ part }}', cast({{ second_date }} as timestamp)))
  {%- else -%}
    {%- do exceptions.raise_compiler_error("datediff does not support datepart '" ~ part ~ "' on Spark") -%}
  {%- endif -%}
{%- endmacro %}

{% macro spark__date_trunc(datepart, date) -%}date_trunc('{{ datepart | replace("'", "") }}', {{ date }}){%- endmacro %}

{% macro spark__last_day(date, datepart) -%}
  {%- if (datepart | replace("'", "") | lower) == 'month' -%}
  last_day({{ date }})
  {%- else -%}
  cast({{ dateadd('day', '-1', dateadd(datepart, '1', date_trunc(datepart, date))) }} as date)
  {%- endif -%}
{%- endmacro %}

{% macro spark__split_part(string_text, delimiter_text, part_number) -%}
  split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{#- collect_list has no order; with an order_by_clause of one column the values are sorted by it. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  {%- if order_by_clause -%}
    {%- set words = order_by_clause | trim | replace('\n', ' ') -%}
    {%- set parts = modules.re.sub('(?i)^order\\s+by\\s+', '', words).split() -%}
    {%- set descending = parts | length > 1 and parts[1] | lower == 'desc' -%}
    {%- set sorted -%}
transform(array_sort(collect_list(struct({{ parts[0] }} as k, {{ measure }} as v)){% if descending %}, (a, b) -> case when a.k > b.k then -1 when a.k < b.k then 1 else 0 end{% endif %}), x -> x.v)
    {%- endset -%}
  {%- else -%}
    {%- set sorted -%}collect_list({{ measure }}){%- endset -%}
  {%- endif -%}
  {%- if limit_num -%}
  array_join(slice({{ sorted }}, 1, {{ limit_num }}), {{ delimiter_text }})
  {%- else -%}
  array_join({{ sorted }}, {{ delimiter_text }})
  {%- endif -%}
{%- endmacro %}

{% macro spark__bool_or(expression) -%}bool_or({{ expression }}){%- endmacro %}

{% macro spark__cast_bool_to_text(field) -%}cast({{ field }} as string){%- endmacro %}

{% macro spark__position(substring_text, string_text) -%}locate({{ substring_text }}, {{ string_text }}){%- endmacro %}
