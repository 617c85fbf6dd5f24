select
  {{ dbt_utils.pivot('grp', dbt_utils.get_column_values(ref('ok_rows'), 'grp', order_by='grp'), then_value='amount', prefix='total_') }}
from {{ ref('ok_rows') }}
