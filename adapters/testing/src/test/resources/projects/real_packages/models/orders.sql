{%- set now = dbt.current_timestamp() -%}
{{ typed_rows([
    (1, 10, "'placed'", 10, "'2024-01-01'", now, "'a@x.com'"),
    (2, 10, "'shipped'", 20, "'2024-01-02'", now, "'b@x.com'"),
    (3, 20, "'placed'", 30, "'2024-01-03'", now, "'c@y.org'"),
    (4, 30, "'returned'", 40, "'2024-01-04'", now, "'d@y.org'"),
]) }}
