{#- orders for audit_helper: id 1 and 4 alike, id 2's amount changed, id 3 gone, id 5 new -#}
{%- set now = dbt.current_timestamp() -%}
{{ typed_rows([
    (1, 10, "'placed'", 10, "'2024-01-01'", now, "'a@x.com'"),
    (2, 10, "'shipped'", 25, "'2024-01-02'", now, "'b@x.com'"),
    (4, 30, "'returned'", 40, "'2024-01-04'", now, "'d@y.org'"),
    (5, 30, "'placed'", 50, "'2024-01-05'", now, "'e@y.org'"),
]) }}
