{{ dbt_utils.deduplicate(ref('base_rows'), 'id', 'id') }}
