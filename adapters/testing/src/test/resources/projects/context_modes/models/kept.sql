{{ config(materialized='incremental', full_refresh=false) }}
select '{{ should_full_refresh() }}' as full_refresh, '{{ is_incremental() }}' as incremental
