-- reads a parent's inferred columns: people_teams has no column "name"
select team_name, name from {{ ref('people_teams') }}
