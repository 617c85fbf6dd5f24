{#-
  microbatch on DuckDB: a DELETE of the batch's window, then an INSERT of its rows. The compiler runs
  both in the model's transaction, so a batch is applied whole or not at all.
-#}
{% macro duckdb__get_incremental_microbatch_sql(arg_dict) -%}
  {%- set dest_cols_csv = get_quoted_csv(arg_dict["dest_columns"] | map(attribute="name")) -%}
delete from {{ arg_dict["target_relation"] }}
where {{ event_time_window_sql(arg_dict["event_time"], arg_dict["event_time_start"], arg_dict["event_time_end"]) }}
    {%- for predicate in (arg_dict["incremental_predicates"] or []) %}
    and {{ predicate }}
    {%- endfor %};
insert into {{ arg_dict["target_relation"] }} ({{ dest_cols_csv }})
select {{ dest_cols_csv }} from {{ arg_dict["temp_relation"] }}
{%- endmacro %}
