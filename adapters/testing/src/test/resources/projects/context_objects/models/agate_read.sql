-- depends_on: {{ ref('numbers') }}
{% if execute %}
  {% set t = run_query("select id, d, label from " ~ ref('numbers') ~ " order by id") %}
  {% set seen = [] %}
  {% for name, column in t.columns.items() %}
    {% do seen.append(name ~ ':' ~ (column.values() | length)) %}
  {% endfor %}
  {% set first = t.rows[0] %}
  {% do t.print_table() %}
select
  '{{ seen | join(",") }}' as columns_items,
  '{{ t.columns.keys() | join(",") }}' as column_keys,
  '{{ t.columns["label"].values() | join(",") }}' as label_values,
  '{{ t.rows[1]["d"].strftime("%d/%m/%Y") }}' as second_date,
  '{{ (t.rows[1].d - t.rows[0].d).days }}' as days_between,
  '{{ t.column_names | join(",") }}' as column_names,
  '{{ first.keys() | join(",") }}|{{ first.values() | join(",") }}' as first_row,
  {{ t.rows | length }} as row_count
{% else %}
select '' as columns_items
{% endif %}
