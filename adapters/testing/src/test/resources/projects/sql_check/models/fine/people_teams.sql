-- Every kind of construct the check must accept: CTEs, a star, a join,
-- window functions, GROUP BY ordinals, and a name that is a reserved word.
with people as (
    select * from {{ ref('people') }}
),

joined as (
    select
        p.id,
        p.name,
        t.team_name,
        row_number() over (partition by p.team_id order by p.id) as rank_in_team,
        p.name as date
    from people as p
    join {{ ref('teams') }} as t on p.team_id = t.id
)

select team_name, count(*) as people, max(rank_in_team) as largest_rank, min(date) as first_name
from joined
group by 1
