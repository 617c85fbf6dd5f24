select
    {{ dbt.listagg('status', "','", "order by status") }} as statuses,
    {{ dbt.bool_or('amount > 15') }} as any_over_15,
    {{ dbt.any_value('customer_id') }} as customer
from {{ ref('orders') }}
where customer_id = 10
