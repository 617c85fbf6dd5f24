{{ dbt_utils.deduplicate(ref('bad_rows'), partition_by='id', order_by='seq desc') }}
