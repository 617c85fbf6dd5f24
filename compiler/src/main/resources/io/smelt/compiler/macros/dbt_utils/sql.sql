{#- dbt_utils' SQL macros, for projects that have not installed dbt_utils. Each dispatches in the
    dbt_utils namespace; the engine-neutral SQL comes from dbt's cross-database macros. Macros that
    need a relation's columns or a query's result return a placeholder while the project is parsed
    (execute is false), as dbt_utils does. -#}

{#- The columns of a relation as a select list, less `except`, each optionally prefixed by the
    relation's alias and renamed with a prefix and suffix. -#}
{% macro star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
  {{ return(adapter.dispatch('star', 'dbt_utils')(from, relation_alias, except, prefix, suffix, quote_identifiers)) }}
{%- endmacro %}

{% macro default__star(from, relation_alias, except, prefix, suffix, quote_identifiers) -%}
  {%- if not execute -%}{{ return('*') }}{%- endif -%}
  {%- set names = dbt_utils.get_filtered_columns_in_relation(from, except) -%}
  {%- if names | length == 0 -%}{{ return('*') }}{%- endif -%}
  {%- set items = [] -%}
  {%- for name in names -%}
    {%- set column = adapter.quote(name) if quote_identifiers else name -%}
    {%- set item = (relation_alias ~ '.' if relation_alias else '') ~ column -%}
    {%- if prefix or suffix -%}
      {%- set renamed = prefix ~ name ~ suffix -%}
      {%- set item = item ~ ' as ' ~ (adapter.quote(renamed) if quote_identifiers else renamed) -%}
    {%- endif -%}
    {%- do items.append(item) -%}
  {%- endfor -%}
  {{ return(items | join(',\n  ')) }}
{%- endmacro %}

{#- Column names of a relation, in order, less `except` (compared case-insensitively). -#}
{% macro get_filtered_columns_in_relation(from, except=[]) -%}
  {{ return(adapter.dispatch('get_filtered_columns_in_relation', 'dbt_utils')(from, except)) }}
{%- endmacro %}

{% macro default__get_filtered_columns_in_relation(from, except) -%}
  {%- if not execute -%}{{ return([]) }}{%- endif -%}
  {%- set excluded = (except or []) | map('lower') | list -%}
  {%- set names = [] -%}
  {%- for column in adapter.get_columns_in_relation(from) -%}
    {%- if column.name | lower not in excluded -%}{%- do names.append(column.name) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(names) }}
{%- endmacro %}


{#- md5 of the fields as text joined by '-', a null standing in as a marker (or as '' with the
    variable surrogate_key_treat_nulls_as_empty_strings), as dbt_utils computes it. -#}
{% macro generate_surrogate_key(field_list) -%}
  {{ return(adapter.dispatch('generate_surrogate_key', 'dbt_utils')(field_list)) }}
{%- endmacro %}

{% macro default__generate_surrogate_key(field_list) -%}
  {%- set null_text = '' if var('surrogate_key_treat_nulls_as_empty_strings', false) else '_dbt_utils_surrogate_key_null_' -%}
  {%- set parts = [] -%}
  {%- for field in field_list -%}
    {%- do parts.append("coalesce(" ~ dbt.cast(field, dbt.type_string()) ~ ", '" ~ null_text ~ "')") -%}
    {%- if not loop.last -%}{%- do parts.append("'-'") -%}{%- endif -%}
  {%- endfor -%}
  {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}


{#- Slugs for column names: lower case, runs of other characters as _, a leading digit prefixed by _. -#}
{% macro slugify(text) -%}
  {%- set slug = modules.re.sub('[^a-z0-9_]+', '_', (text | string | lower)) -%}
  {%- if modules.re.match('^[0-9]', slug) -%}{%- set slug = '_' ~ slug -%}{%- endif -%}
  {{ return(slug) }}
{%- endmacro %}


{#- One row per datepart from start_date (included) up to end_date (excluded), in a column named
    date_<datepart>. start_date and end_date are SQL expressions. -#}
{% macro date_spine(datepart, start_date, end_date) -%}
  {{ return(adapter.dispatch('date_spine', 'dbt_utils')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) -%}
{%- set periods = 1 -%}
{%- if execute -%}
  {%- set counted = run_query('select ' ~ dbt.datediff(start_date, end_date, datepart)) -%}
  {%- set periods = counted.columns[0].values()[0] | int -%}
{%- endif -%}
{#- as many decimal digits as periods has, so the numbers reach past it -#}
{%- set digits = range(periods | string | length) -%}
with dbt_utils_digits as (
    select 0 as d union all select 1 union all select 2 union all select 3 union all select 4
    union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
),
dbt_utils_numbers as (
    select {% for _ in digits %}d{{ loop.index }}.d * {{ 10 ** loop.index0 }}{% if not loop.last %} + {% endif %}{% endfor %} as period_number
    from {% for _ in digits %}dbt_utils_digits d{{ loop.index }}{% if not loop.last %} cross join {% endif %}{% endfor %}
),
dbt_utils_periods as (
    select {{ dbt.dateadd(datepart, 'period_number', start_date) }} as date_{{ datepart }}
    from dbt_utils_numbers
    where period_number < {{ periods }}
)
select *
from dbt_utils_periods
where date_{{ datepart }} < {{ end_date }}
{%- endmacro %}


{#- The rows of several relations under the union of their columns (a column a relation lacks is
    null there), with a column naming the relation each row came from. -#}
{% macro union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
  {{ return(adapter.dispatch('union_relations', 'dbt_utils')(relations, column_override, include, exclude, source_column_name, where)) }}
{%- endmacro %}

{% macro default__union_relations(relations, column_override, include, exclude, source_column_name, where) -%}
{%- if include and exclude -%}
  {{ exceptions.raise_compiler_error("union_relations takes include or exclude, not both") }}
{%- endif -%}
{%- if not execute -%}{{ return('') }}{%- endif -%}
{%- set included = (include or []) | map('lower') | list -%}
{%- set excluded = (exclude or []) | map('lower') | list -%}
{%- set overrides = column_override or {} -%}
{%- set names = [] -%}
{%- set types = {} -%}
{%- set present = {} -%}
{%- for relation in relations -%}
  {%- set here = [] -%}
  {%- for column in adapter.get_columns_in_relation(relation) -%}
    {%- set key = column.name | lower -%}
    {%- if (not included or key in included) and key not in excluded -%}
      {%- do here.append(key) -%}
      {%- if key not in types -%}
        {%- do names.append(column.name) -%}
        {%- do types.update({key: overrides.get(column.name, column.data_type)}) -%}
      {%- endif -%}
    {%- endif -%}
  {%- endfor -%}
  {%- do present.update({relation | string: here}) -%}
{%- endfor -%}
{%- for relation in relations %}
{% if not loop.first %}union all
{% endif -%}
select
    cast({{ dbt.string_literal(dbt.escape_single_quotes(relation | string)) }} as {{ dbt.type_string() }}) as {{ adapter.quote(source_column_name) }}
    {%- for name in names %},
    {% if name | lower in present[relation | string] -%}
    cast({{ adapter.quote(name) }} as {{ types[name | lower] }})
    {%- else -%}
    cast(null as {{ types[name | lower] }})
    {%- endif %} as {{ adapter.quote(name) }}
    {%- endfor %}
from {{ relation }}
{%- if where %}
where {{ where }}
{%- endif %}
{% endfor -%}
{%- endmacro %}


{#- One aggregate per value: agg(case when column cmp value then then_value else else_value end). -#}
{% macro pivot(column, values, alias=True, agg='sum', cmp='=', prefix='', suffix='', then_value=1, else_value=0, quote_identifiers=True, distinct=False) -%}
  {{ return(adapter.dispatch('pivot', 'dbt_utils')(column, values, alias, agg, cmp, prefix, suffix, then_value, else_value, quote_identifiers, distinct)) }}
{%- endmacro %}

{% macro default__pivot(column, values, alias, agg, cmp, prefix, suffix, then_value, else_value, quote_identifiers, distinct) -%}
  {%- for value in values %}
  {{ agg }}({% if distinct %}distinct {% endif %}case when {{ column }} {{ cmp }} '{{ dbt.escape_single_quotes(value | string) }}' then {{ then_value }} else {{ else_value }} end)
    {%- if alias %} as {{ adapter.quote(prefix ~ value ~ suffix) if quote_identifiers else dbt_utils.slugify(prefix ~ value ~ suffix) }}{% endif %}
    {%- if not loop.last %},{% endif %}
  {%- endfor %}
{%- endmacro %}


{#- The distinct values of a column, most frequent first unless order_by says otherwise, as a list;
    `default` (or []) while parsing. -#}
{% macro get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
  {{ return(adapter.dispatch('get_column_values', 'dbt_utils')(table, column, order_by, max_records, default, where)) }}
{%- endmacro %}

{% macro default__get_column_values(table, column, order_by, max_records, default, where) -%}
  {%- if not execute -%}{{ return(default if default is not none else []) }}{%- endif -%}
  {%- set query -%}
select {{ column }} as value
from {{ table }}
{% if where %}where {{ where }}
{% endif -%}
group by {{ column }}
order by {{ order_by }}
{% if max_records is not none %}limit {{ max_records }}{% endif %}
  {%- endset -%}
  {{ return(run_query(query).columns[0].values() | list) }}
{%- endmacro %}


{#- One row per partition_by, the first in order_by; `relation` is a relation or a CTE's name. -#}
{% macro deduplicate(relation, partition_by, order_by) -%}
  {{ return(adapter.dispatch('deduplicate', 'dbt_utils')(relation, partition_by, order_by)) }}
{%- endmacro %}

{% macro default__deduplicate(relation, partition_by, order_by) -%}
{%- set columns = dbt_utils.get_filtered_columns_in_relation(relation) if relation.identifier is defined else [] -%}
with dbt_utils_numbered as (
    select
        dbt_utils_source.*,
        row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as dbt_utils_row_number
    from {{ relation }} dbt_utils_source
)
{%- if columns %}
select {% for name in columns %}{{ adapter.quote(name) }}{% if not loop.last %}, {% endif %}{% endfor %}
from dbt_utils_numbered
where dbt_utils_row_number = 1
{%- else %}
{#- Without the column list (a CTE), the first rows are joined back on every column. -#}
select distinct dbt_utils_kept.*
from {{ relation }} dbt_utils_kept
natural join (select * from dbt_utils_numbered where dbt_utils_row_number = 1) dbt_utils_first
{%- endif %}
{%- endmacro %}


{#- The tables and views whose schema and name match SQL LIKE patterns (case-insensitive), leaving
    out names matching `exclude`, as relations; [] while parsing. Feeds union_relations. -#}
{% macro get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) -%}
  {{ return(adapter.dispatch('get_relations_by_pattern', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}
{%- endmacro %}

{% macro default__get_relations_by_pattern(schema_pattern, table_pattern, exclude, database) -%}
  {%- if not execute -%}{{ return([]) }}{%- endif -%}
  {%- set found = run_query(dbt_utils.get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database)) -%}
  {%- set relations = [] -%}
  {%- for row in found.rows -%}
    {%- do relations.append(api.Relation.create(database=database, schema=row[0], identifier=row[1], type=row[2])) -%}
  {%- endfor -%}
  {{ return(relations) }}
{%- endmacro %}

{#- A query of table_schema, table_name and table_type ('table' or 'view') for the matching relations. -#}
{% macro get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) -%}
  {{ return(adapter.dispatch('get_tables_by_pattern_sql', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}
{%- endmacro %}

{% macro default__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database) -%}
{{ tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database) }}
{%- endmacro %}
