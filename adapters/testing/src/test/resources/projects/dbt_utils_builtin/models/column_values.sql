select
  '{{ dbt_utils.get_column_values(ref('ok_rows'), 'grp', order_by='grp desc') | join(",") }}' as groups_descending,
  '{{ dbt_utils.get_column_values(ref('ok_rows'), 'grp', order_by='grp', max_records=1) | join(",") }}' as first_group,
  '{{ dbt_utils.get_column_values(ref('ok_rows'), 'grp', where='amount > 25') | join(",") }}' as groups_over_25
