select n, n * n as square from {{ ref('base_numbers') }}
