select count(*) as row_count from {{ ref('eph_numbers') }}
