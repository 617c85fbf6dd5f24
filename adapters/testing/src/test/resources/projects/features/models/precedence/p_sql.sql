{{ config(alias='p_alias_sql', tags=['from_sql']) }}
select 'p_sql' as model_name
