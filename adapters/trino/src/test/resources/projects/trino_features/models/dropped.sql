{{ config(on_table_exists='drop') }}
select {{ var('round', 1) }} as round
