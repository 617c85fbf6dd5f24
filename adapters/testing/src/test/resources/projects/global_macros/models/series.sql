select count(*) as numbers, sum(generated_number) as total, min(generated_number) as first_number
from ({{ dbt.generate_series(10) }}) as series
