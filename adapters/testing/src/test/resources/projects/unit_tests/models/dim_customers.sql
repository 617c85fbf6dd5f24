select
    c.customer_id,
    c.email,
    case when d.tld is null then false else true end as is_valid_email_address
from {{ ref('stg_customers') }} c
left join {{ ref('top_level_domains') }} d on c.email like concat('%@', d.tld)
