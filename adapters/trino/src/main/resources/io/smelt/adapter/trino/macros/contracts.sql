{#- A contracted model's table: the declared columns (only not null reaches Trino's DDL) and the
    table properties, then the model's rows (as dbt-trino's create_table_as does). -#}
{% macro trino__create_contracted_table(relation, sql) -%}
create table {{ relation }} {{ get_table_columns_and_constraints() }}{{ trino__table_properties(relation) }};
insert into {{ relation }} ({{ adapter.dispatch('get_column_names', 'dbt')() }})
{{ get_select_subquery(sql) }}
{%- endmacro %}
