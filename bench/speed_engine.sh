# The DuckDB measures of bench/speed.sh: Smelt against the same statements over plain JDBC.
# Needs: $work, $views, $merge_rows, the smelt and jdbc command arrays, and speed_lib.sh.

# `smelt run` of $views trivial views, against the CREATE VIEW statements Smelt ran (read from its
# target/run/) executed by JdbcViews in one loop. Both sides start a JVM, and both replace views
# that already exist (target/ warm, as on a second run).
views_measures() {
    local v="$work/views" db="$work/views-jdbc/views.duckdb" i target=-
    mkdir -p "$v/models" "$work/views-jdbc"
    printf "name: views\nversion: '1.0.0'\nconfig-version: 2\nprofile: views\n" >"$v/dbt_project.yml"
    printf "models:\n  views:\n    +materialized: view\n" >>"$v/dbt_project.yml"
    for ((i = 0; i < views; i++)); do
        echo "select $i as id" >"$v/models/v_$i.sql"
    done
    "${smelt[@]}" run --project-dir "$v" >/dev/null
    cat "$v"/target/run/views/models/*.sql >"$work/views.sql"
    echo "  views: $(grep -ci 'create or replace view' "$work/views.sql") CREATE VIEW statements from target/run" >&2
    "${jdbc[@]}" "jdbc:duckdb:$db" "$work/views.sql" 2>/dev/null
    ((views == 1000)) && target=1.15
    measure views-smelt "run of $views views (smelt run)" - - : -- "${smelt[@]}" run --project-dir "$v"
    measure views-jdbc "the same statements over JDBC" - - : -- "${jdbc[@]}" "jdbc:duckdb:$db" "$work/views.sql"
    ratio "smelt run / JDBC, $views views" "<=" "$target" views-smelt views-jdbc
}

# An incremental model (unique_key, so delete+insert: DuckDB's default with a key, see
# get_delete_insert_merge_sql) over a source of $merge_rows rows; before each timed run 1% of the
# source changes. Smelt and the hand-written statements each work on their own copy of the same
# database, each in a fresh process; the results are compared at the end.
merge_measures() {
    local m="$work/merge" hand="$work/merge-hand" target=-
    mkdir -p "$m/models" "$hand"
    printf "name: merge\nversion: '1.0.0'\nconfig-version: 2\nprofile: merge\n" >"$m/dbt_project.yml"
    cat >"$m/models/sources.yml" <<'EOF'
version: 2
sources:
  - name: raw
    schema: main
    tables:
      - name: events
EOF
    cat >"$m/models/events_inc.sql" <<'EOF'
{{ config(materialized='incremental', unique_key='id') }}
select id, amount, category, updated_at from {{ source('raw', 'events') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}
EOF
    mkdir -p "$m/target"
    cat >"$work/source.sql" <<EOF
create table main.events as
select range as id, ((range % 10000) / 100)::decimal(10, 2) as amount, chr(97 + (range % 5)::int) as category, 1 as updated_at
from range($merge_rows);
EOF
    "${jdbc[@]}" "jdbc:duckdb:$m/target/merge.duckdb" "$work/source.sql" 2>/dev/null
    "${smelt[@]}" run --project-dir "$m" -s events_inc >/dev/null   # the first, full build
    cp "$m"/target/merge.duckdb* "$hand/"
    # What Smelt runs (see its target/run/), written by hand, in one transaction as Smelt's is.
    cat >"$work/hand.sql" <<'EOF'
begin transaction;
drop table if exists main.events_inc__tmp;
create table main.events_inc__tmp as
select id, amount, category, updated_at from main.events
where updated_at > (select max(updated_at) from main.events_inc);
delete from main.events_inc where id in (select id from main.events_inc__tmp);
insert into main.events_inc (id, amount, category, updated_at)
select id, amount, category, updated_at from main.events_inc__tmp;
drop table if exists main.events_inc__tmp;
commit;
EOF
    merge_change_smelt=1 merge_change_hand=1
    measure merge-smelt "merge 1% into $merge_rows rows (smelt run -s)" - - \
        "merge_change '$m/target/merge.duckdb' \$((++merge_change_smelt))" -- "${smelt[@]}" run --project-dir "$m" -s events_inc
    measure merge-hand "the same statements by hand over JDBC" - - \
        "merge_change '$hand/merge.duckdb' \$((++merge_change_hand))" -- "${jdbc[@]}" "jdbc:duckdb:$hand/merge.duckdb" "$work/hand.sql"
    cat >"$work/result.sql" <<EOF
attach '$hand/merge.duckdb' as hand (read_only);
select count(*), sum(amount), max(updated_at) from main.events_inc;
select count(*), sum(amount), max(updated_at) from hand.main.events_inc;
EOF
    local a b
    { read -r a; read -r b; } < <("${jdbc[@]}" "jdbc:duckdb:$m/target/merge.duckdb" "$work/result.sql" 2>/dev/null)
    echo "  merge results (rows, sum, last change): smelt $a, by hand $b" >&2
    if [[ $a != "$b" || ${a%% *} != "$merge_rows" ]]; then
        echo "failed: the two sides of the merge disagree" >&2
        failed=1
    fi
    ((merge_rows == 10000000)) && target=1.05
    ratio "smelt run / by hand, merge into $merge_rows rows" "<=" "$target" merge-smelt merge-hand
}

merge_change() {   # merge_change DB K: 1% of the source's rows (id % 100 = K % 100) get a new amount
    echo "update main.events set amount = amount + 1, updated_at = $2 where id % 100 = $2 % 100;" >"$work/change.sql"
    "${jdbc[@]}" "jdbc:duckdb:$1" "$work/change.sql" 2>/dev/null
}
