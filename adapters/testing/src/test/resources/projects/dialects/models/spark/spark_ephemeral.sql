{{ config(materialized='ephemeral', dialect='spark') }}
-- Inlined into duckdb_reads_spark_ephemeral (a DuckDB model): translated from its own dialect.
SELECT `id`, CONCAT(CAST(id AS STRING), "!") AS bang, CONCAT("x", last_name) AS x_last
FROM {{ ref('people') }}
