{#- SQL that dbt's global macros write, compared as text: the statements are not run. -#}
{%- set table = api.Relation.create(database=this.database, schema=this.schema, identifier='t', type='table') -%}
{%- set grants = dbt.get_dcl_statement_list(table, {'select': ['reporter', 'auditor']}, dbt.get_grant_sql) -%}
select
    {{ dbt.string_literal(dbt.escape_single_quotes(grants | length ~ ':' ~ (grants[0] | replace(table | string, 'T')))) }} as grant_sql,
    {{ dbt.string_literal(dbt.get_drop_sql(table) | replace(table | string, 'T')) }} as drop_sql,
    {{ dbt.string_literal(dbt.make_backup_relation(table, 'table').identifier) }} as backup_identifier,
    {{ dbt.string_literal(dbt.should_revoke(table, True) ~ '/' ~ dbt.should_revoke(none)) }} as revoke_flags
    , {{ dbt.string_literal(dbt.validate_doc_columns(table, {'id': {'name': 'id'}, 'Gone': {'name': 'Gone', 'quote': true}}, ['ID']).keys() | join(',')) }} as documented_columns
    , {{ dbt.get_batch_size() }} as batch_size
