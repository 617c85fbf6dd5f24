select country, count(*) as customers
from {{ ref('star_customers') }}
where name <> 'nobody'
group by country
having count(customer_id) > 0
