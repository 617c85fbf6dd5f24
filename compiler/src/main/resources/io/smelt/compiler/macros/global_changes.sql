{#- dbt's global macros for replacing relations through intermediates and backups, clones,
    grants and SQL validation (dbt-adapters' global_project/macros/relations, adapters). Those
    dbt leaves to each adapter say so when an engine has none. -#}

{% macro get_create_intermediate_sql(relation, sql) -%}
  {{- adapter.dispatch('get_create_intermediate_sql', 'dbt')(relation, sql) -}}
{%- endmacro %}
{% macro default__get_create_intermediate_sql(relation, sql) -%}
  {%- set intermediate = make_intermediate_relation(relation) -%}
  {{ get_drop_sql(intermediate) }};
  {{ get_create_sql(intermediate, sql) }}
{%- endmacro %}

{% macro get_rename_intermediate_sql(relation) -%}
  {{- adapter.dispatch('get_rename_intermediate_sql', 'dbt')(relation) -}}
{%- endmacro %}
{% macro default__get_rename_intermediate_sql(relation) -%}
  {{ get_rename_sql(make_intermediate_relation(relation), relation.identifier) }}
{%- endmacro %}

{% macro get_create_backup_sql(relation) -%}
  {{- adapter.dispatch('get_create_backup_sql', 'dbt')(relation) -}}
{%- endmacro %}
{% macro default__get_create_backup_sql(relation) -%}
  {%- set backup = make_backup_relation(relation, relation.type) -%}
  {{ get_drop_sql(backup) }};
  {{ get_rename_sql(relation, backup.identifier) }}
{%- endmacro %}

{% macro get_drop_backup_sql(relation) -%}
  {{- adapter.dispatch('get_drop_backup_sql', 'dbt')(relation) -}}
{%- endmacro %}
{% macro default__get_drop_backup_sql(relation) -%}
  {{ get_drop_sql(make_backup_relation(relation, relation.type)) }}
{%- endmacro %}

{#- Replaces existing_relation with target_relation built from sql: in place where the engine can,
    else through an intermediate and a backup, else drop and create. -#}
{% macro get_replace_sql(existing_relation, target_relation, sql) -%}
  {{- adapter.dispatch('get_replace_sql', 'dbt')(existing_relation, target_relation, sql) -}}
{%- endmacro %}
{% macro default__get_replace_sql(existing_relation, target_relation, sql) -%}
  {%- set in_place = existing_relation.type == target_relation.type and existing_relation.can_be_replaced -%}
  {%- if in_place and existing_relation.is_view -%}
    {{ get_replace_view_sql(target_relation, sql) }}
  {%- elif in_place and existing_relation.is_table -%}
    {{ get_replace_table_sql(target_relation, sql) }}
  {%- elif in_place and existing_relation.is_materialized_view -%}
    {{ get_replace_materialized_view_sql(target_relation, sql) }}
  {%- elif target_relation.can_be_renamed and existing_relation.can_be_renamed -%}
    {{ get_create_intermediate_sql(target_relation, sql) }};
    {{ get_create_backup_sql(existing_relation) }};
    {{ get_rename_intermediate_sql(target_relation) }};
    {{ get_drop_backup_sql(existing_relation) }}
  {%- elif target_relation.can_be_renamed -%}
    {{ get_create_intermediate_sql(target_relation, sql) }};
    {{ get_drop_sql(existing_relation) }};
    {{ get_rename_intermediate_sql(target_relation) }}
  {%- elif existing_relation.can_be_renamed -%}
    {{ get_create_backup_sql(existing_relation) }};
    {{ get_create_sql(target_relation, sql) }};
    {{ get_drop_backup_sql(existing_relation) }}
  {%- else -%}
    {{ get_drop_sql(existing_relation) }};
    {{ get_create_sql(target_relation, sql) }}
  {%- endif -%}
{%- endmacro %}

{% macro get_replace_table_sql(relation, sql) -%}
  {{- adapter.dispatch('get_replace_table_sql', 'dbt')(relation, sql) -}}
{%- endmacro %}
{% macro default__get_replace_table_sql(relation, sql) -%}
  {{ exceptions.raise_compiler_error("`get_replace_table_sql` has not been implemented for this adapter.") }}
{%- endmacro %}

{% macro get_replace_view_sql(relation, sql) -%}
  {{- adapter.dispatch('get_replace_view_sql', 'dbt')(relation, sql) -}}
{%- endmacro %}
{% macro default__get_replace_view_sql(relation, sql) -%}
  {{ exceptions.raise_compiler_error("`get_replace_view_sql` has not been implemented for this adapter.") }}
{%- endmacro %}

{% macro get_replace_materialized_view_sql(relation, sql) -%}
  {{- adapter.dispatch('get_replace_materialized_view_sql', 'dbt')(relation, sql) -}}
{%- endmacro %}
{% macro default__get_replace_materialized_view_sql(relation, sql) -%}
  {{ exceptions.raise_compiler_error("`get_replace_materialized_view_sql` has not been implemented for this adapter.") }}
{%- endmacro %}

{% macro refresh_materialized_view(relation) -%}
  {{- adapter.dispatch('refresh_materialized_view', 'dbt')(relation) -}}
{%- endmacro %}
{% macro default__refresh_materialized_view(relation) -%}
  {{ exceptions.raise_compiler_error("`refresh_materialized_view` has not been implemented for this adapter.") }}
{%- endmacro %}

{#- A table that is in the way of a view is dropped. -#}
{% macro handle_existing_table(full_refresh, old_relation) -%}
  {{ adapter.dispatch('handle_existing_table', 'dbt')(full_refresh, old_relation) }}
{%- endmacro %}
{% macro default__handle_existing_table(full_refresh, old_relation) -%}
  {%- do log("Dropping relation " ~ old_relation ~ " because it is of type " ~ old_relation.type) -%}
  {%- do adapter.drop_relation(old_relation) -%}
{%- endmacro %}

{% macro can_clone_table() -%}
  {{ return(adapter.dispatch('can_clone_table', 'dbt')()) }}
{%- endmacro %}
{% macro default__can_clone_table() -%}
  {{ return(False) }}
{%- endmacro %}

{% macro create_or_replace_clone(this_relation, defer_relation) -%}
  {{ return(adapter.dispatch('create_or_replace_clone', 'dbt')(this_relation, defer_relation)) }}
{%- endmacro %}
{% macro default__create_or_replace_clone(this_relation, defer_relation) -%}
  create or replace table {{ this_relation }} clone {{ defer_relation }}
{%- endmacro %}

{#- Asks the engine to plan the query without running it: an error says what is wrong with it. -#}
{% macro validate_sql(sql) -%}
  {{ return(adapter.dispatch('validate_sql', 'dbt')(sql)) }}
{%- endmacro %}
{% macro default__validate_sql(sql) -%}
  {%- call statement('validate_sql') -%}
    explain {{ sql }}
  {%- endcall -%}
  {{ return(load_result('validate_sql')) }}
{%- endmacro %}

{% macro generate_latest_version_pointer_alias(custom_alias_name=none, node=none) -%}
  {%- do return(adapter.dispatch('generate_latest_version_pointer_alias', 'dbt')(custom_alias_name, node)) -%}
{%- endmacro %}
{% macro default__generate_latest_version_pointer_alias(custom_alias_name=none, node=none) -%}
  {%- if custom_alias_name -%}{{ custom_alias_name | trim }}{%- else -%}{{ node.name }}{%- endif -%}
{%- endmacro %}

{#- Grants: the SQL of GRANT and REVOKE statements and running them. -#}
{% macro copy_grants() -%}{{ return(adapter.dispatch('copy_grants', 'dbt')()) }}{%- endmacro %}
{% macro default__copy_grants() -%}{{ return(True) }}{%- endmacro %}

{% macro support_multiple_grantees_per_dcl_statement() -%}
  {{ return(adapter.dispatch('support_multiple_grantees_per_dcl_statement', 'dbt')()) }}
{%- endmacro %}
{% macro default__support_multiple_grantees_per_dcl_statement() -%}{{ return(True) }}{%- endmacro %}

{% macro should_revoke(existing_relation, full_refresh_mode=True) -%}
  {%- if not existing_relation -%}
    {{ return(False) }}
  {%- elif full_refresh_mode -%}
    {{ return(copy_grants()) }}
  {%- else -%}
    {{ return(True) }}
  {%- endif -%}
{%- endmacro %}

{% macro get_show_grant_sql(relation) -%}{{ return(adapter.dispatch('get_show_grant_sql', 'dbt')(relation)) }}{%- endmacro %}
{% macro default__get_show_grant_sql(relation) -%}show grants on {{ relation }}{%- endmacro %}

{% macro get_grant_sql(relation, privilege, grantees) -%}
  {{ return(adapter.dispatch('get_grant_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}
{% macro default__get_grant_sql(relation, privilege, grantees) -%}
  grant {{ privilege }} on {{ relation }} to {{ grantees | join(', ') }}
{%- endmacro %}

{% macro get_revoke_sql(relation, privilege, grantees) -%}
  {{ return(adapter.dispatch('get_revoke_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}
{% macro default__get_revoke_sql(relation, privilege, grantees) -%}
  {%- set quoted = [] -%}
  {%- for grantee in grantees -%}{%- do quoted.append(adapter.quote(grantee)) -%}{%- endfor -%}
  revoke {{ privilege }} on {{ relation }} from {{ quoted | join(', ') }}
{%- endmacro %}

{#- One statement per privilege (or per grantee where the engine grants to one at a time). -#}
{% macro get_dcl_statement_list(relation, grant_config, get_dcl_macro) -%}
  {{ return(adapter.dispatch('get_dcl_statement_list', 'dbt')(relation, grant_config, get_dcl_macro)) }}
{%- endmacro %}
{% macro default__get_dcl_statement_list(relation, grant_config, get_dcl_macro) -%}
  {%- set statements = [] -%}
  {%- for privilege, grantees in grant_config.items() -%}
    {%- if support_multiple_grantees_per_dcl_statement() and grantees -%}
      {%- do statements.append(get_dcl_macro(relation, privilege, grantees)) -%}
    {%- else -%}
      {%- for grantee in grantees -%}
        {%- do statements.append(get_dcl_macro(relation, privilege, [grantee])) -%}
      {%- endfor -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(statements) }}
{%- endmacro %}

{% macro call_dcl_statements(dcl_statement_list) -%}
  {{ return(adapter.dispatch('call_dcl_statements', 'dbt')(dcl_statement_list)) }}
{%- endmacro %}
{% macro default__call_dcl_statements(dcl_statement_list) -%}
  {%- call statement('grants') -%}
    {%- for dcl in dcl_statement_list %}
    {{ dcl }};
    {%- endfor %}
  {%- endcall -%}
{%- endmacro %}
