{# dbt's relations are mappings: packages (dbt_utils' _is_relation) test `is mapping` and read .get('metadata'); load_relation is global #}
select '{{ ref("ref_two_args") is mapping }}' as is_mapping,
    '{{ ref("ref_two_args").get("metadata", {}).get("type", "") }}' as kind,
    '{{ execute and load_relation(ref("ref_two_args")) is not none }}' as loaded
