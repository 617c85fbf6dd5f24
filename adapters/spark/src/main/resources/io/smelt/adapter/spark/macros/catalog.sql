{#-
  The catalog on Spark, which has no information schema: per schema SHOW TABLES, per relation
  DESCRIBE TABLE EXTENDED (columns with their types and comments, then the relation's type, owner and
  comment) and, for a Delta table, DESCRIBE DETAIL (its size and number of files, as stats). The rows
  are handed back as one query's result, as get_catalog returns everywhere.
-#}
{% macro spark__get_catalog(information_schema, schemas) -%}
  {%- set rows = [] -%}
  {%- for schema in schemas -%}
    {%- for listed in run_query('show tables in ' ~ adapter.quote(schema)).rows -%}
      {%- if not listed[2] -%}
        {%- do rows.extend(spark__catalog_rows(information_schema.database, listed[0], listed[1])) -%}
      {%- endif -%}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(run_query(spark__catalog_values(rows))) }}
{%- endmacro %}

{#- One row per column of the relation, each a list in the order of spark__catalog_values' columns. -#}
{% macro spark__catalog_rows(database, schema, name) -%}
  {%- set relation = adapter.quote(schema) ~ '.' ~ adapter.quote(name) -%}
  {%- set columns = [] -%}
  {%- set info = {} -%}
  {%- set state = {'section': 'columns'} -%}
  {%- for row in run_query('describe table extended ' ~ relation).rows -%}
    {%- set key = (row[0] or '') | trim -%}
    {%- if key == '' or key.startswith('#') -%}
      {%- do state.update({'section': 'details' if key == '# Detailed Table Information' else 'other'}) -%}
    {%- elif state['section'] == 'columns' -%}
      {%- do columns.append([key, row[1], row[2]]) -%}
    {%- elif state['section'] == 'details' -%}
      {%- do info.update({key: row[1]}) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- set is_view = (info.get('Type') or '') | upper == 'VIEW' -%}
  {%- set stats = {'bytes': none, 'files': none} -%}
  {%- if not is_view and (info.get('Provider') or '') | lower == 'delta' -%}
    {%- set detail = run_query('describe detail ' ~ relation) -%}
    {%- if detail.rows | length > 0 -%}
      {%- do stats.update({'bytes': detail.rows[0]['sizeInBytes'], 'files': detail.rows[0]['numFiles']}) -%}
    {%- endif -%}
  {%- endif -%}
  {%- set rows = [] -%}
  {%- for column in columns -%}
    {%- do rows.append([database, schema, name, 'view' if is_view else 'table', info.get('Comment'), info.get('Owner'),
        column[0], loop.index, column[1], column[2] or none, stats['bytes'], stats['files']]) -%}
  {%- endfor -%}
  {{ return(rows) }}
{%- endmacro %}

{#- The rows as one VALUES query with the catalog's column names (none: a query of no rows). -#}
{% macro spark__catalog_values(rows) -%}
  {%- set typed = [none, none, none, none, none, none, none, 0, none, none, 0, 0] -%}
  {%- set rendered = [] -%}
  {%- for row in (rows if rows | length > 0 else [typed]) -%}
    {%- set values = [] -%}
    {%- for value in row -%}
      {%- if value is none -%}
        {%- do values.append('cast(null as ' ~ ('bigint' if loop.index in [8, 11, 12] else 'string') ~ ')') -%}
      {%- elif loop.index in [8, 11, 12] -%}
        {%- do values.append('cast(' ~ value ~ ' as bigint)') -%}
      {%- else -%}
        {%- do values.append(spark__literal(value)) -%}
      {%- endif -%}
    {%- endfor -%}
    {%- do rendered.append('(' ~ values | join(', ') ~ ')') -%}
  {%- endfor -%}
select table_database, table_schema, table_name, table_type, table_comment, table_owner,
       column_name, column_index, column_type, column_comment,
       'Size' as `stats:bytes:label`, bytes as `stats:bytes:value`,
       'Bytes of the Delta table''s current files' as `stats:bytes:description`, bytes is not null as `stats:bytes:include`,
       'Files' as `stats:num_files:label`, files as `stats:num_files:value`,
       'Files of the Delta table''s current version' as `stats:num_files:description`, files is not null as `stats:num_files:include`
from values {{ rendered | join(',\n') }}
  as catalog(table_database, table_schema, table_name, table_type, table_comment, table_owner,
             column_name, column_index, column_type, column_comment, bytes, files)
{%- if rows | length == 0 %}
where false
{%- endif -%}
{%- endmacro %}

{#- persist_docs. A table's comment with COMMENT ON TABLE; a view's in its properties, which Spark
    reads as its comment. Column comments with ALTER TABLE ... CHANGE COLUMN, for tables only: a
    view's are written in its CREATE VIEW (spark__view_column_comments), Spark has no statement to
    change them. -#}
{% macro spark__alter_relation_comment(relation, relation_comment) -%}
  {%- if relation.type == 'view' -%}
alter view {{ relation }} set tblproperties ('comment' = {{ spark__literal(relation_comment) }})
  {%- else -%}
comment on table {{ relation }} is {{ spark__literal(relation_comment) }}
  {%- endif -%}
{%- endmacro %}

{% macro spark__alter_column_comment(relation, column_dict) -%}
  {%- if relation.type != 'view' -%}
    {%- for name, column in column_dict.items() -%}
      {%- if column.get('description') -%}
        {%- do run_query('alter table ' ~ relation ~ ' change column ' ~ (adapter.quote(name) if column.get('quote') else name)
            ~ ' comment ' ~ spark__literal(column['description'])) -%}
      {%- endif -%}
    {%- endfor -%}
  {%- endif -%}
{%- endmacro %}
