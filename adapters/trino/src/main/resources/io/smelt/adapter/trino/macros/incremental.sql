{#-
  delete+insert as one MERGE, so that a failure leaves the table as it was: Trino commits every
  statement by itself, and the default's DELETE followed by INSERT could leave the rows deleted.
  The source holds the new rows (inserted) and, once per distinct key, a marker row that matches and
  deletes the target rows with that key. Rows with a null key are never deleted, as with the default.
-#}
{% macro trino__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
  {%- if not unique_key -%}
insert into {{ target }} ({{ dest_cols_csv }})
select {{ dest_cols_csv }} from {{ source }}
  {%- else -%}
    {%- set keys = unique_key if (unique_key is sequence and unique_key is not string) else [unique_key] -%}
merge into {{ target }} as DBT_INTERNAL_DEST
using (
    select {{ dest_cols_csv }}{% for key in keys %}, {{ key }} as dbt_smelt_key_{{ loop.index }}{% endfor %}, false as dbt_smelt_delete
    from {{ source }}
    union all
    select distinct {% for column in dest_columns %}null, {% endfor %}{% for key in keys %}{{ key }}, {% endfor %}true
    from {{ source }}
) as DBT_INTERNAL_SOURCE
on DBT_INTERNAL_SOURCE.dbt_smelt_delete
    {%- for key in keys %}
    and DBT_INTERNAL_SOURCE.dbt_smelt_key_{{ loop.index }} = DBT_INTERNAL_DEST.{{ key }}
    {%- endfor %}
    {%- for predicate in (incremental_predicates or []) %}
    and {{ predicate }}
    {%- endfor %}
when matched then delete
when not matched and not DBT_INTERNAL_SOURCE.dbt_smelt_delete then insert ({{ dest_cols_csv }})
values ({% for column in dest_columns %}DBT_INTERNAL_SOURCE.{{ adapter.quote(column.name) }}{{ ", " if not loop.last }}{% endfor %})
  {%- endif -%}
{%- endmacro %}
