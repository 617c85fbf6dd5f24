{#-
  The WITH (...) clause of a created table, from the model's config:
    properties      a map of Trino table properties, as in dbt-trino: {"format": "'PARQUET'",
                    "partitioning": "ARRAY['day(event_date)']"}. A value that is already SQL (a
                    quoted string, ARRAY[...], a number, true/false) goes in as written; other text
                    is quoted ('ORC'); a list becomes ARRAY['a', 'b'].
    file_format     dbt-trino's shorthand for properties.format; table_format for properties.type.
    partition_by    dbt's forms, mapped to Iceberg's partitioning: a column name, a list of them,
                    or {"field": "d", "data_type": "date", "granularity": "day"} (granularity hour,
                    day, month or year becomes that transform; without one the column is used as is).
    sorted_by       Iceberg's sort order within data files: a column or a list ("id", "ts DESC").
-#}
{% macro trino__table_properties(relation) -%}
  {%- set props = {} -%}
  {%- set configured = config.get('properties') -%}
  {%- if configured -%}
    {%- if configured is not mapping -%}
      {%- do exceptions.raise_compiler_error("config 'properties' must be a map of Trino table properties") -%}
    {%- endif -%}
    {%- for key, value in configured.items() -%}
      {%- do props.update({key: trino__property_value(value)}) -%}
    {%- endfor -%}
  {%- endif -%}
  {%- for option, property in [('file_format', 'format'), ('table_format', 'type')] -%}
    {%- set value = config.get(option) -%}
    {%- if value -%}
      {%- if property in props -%}
        {%- do exceptions.raise_compiler_error("set either config '" ~ option ~ "' or properties." ~ property ~ ", not both") -%}
      {%- endif -%}
      {%- do props.update({property: trino__property_value(value)}) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- set sorted_by = config.get('sorted_by') -%}
  {%- if sorted_by -%}
    {%- if 'sorted_by' in props -%}
      {%- do exceptions.raise_compiler_error("set either config 'sorted_by' or properties.sorted_by, not both") -%}
    {%- endif -%}
    {%- do props.update({'sorted_by': trino__property_value([sorted_by] if sorted_by is string else sorted_by)}) -%}
  {%- endif -%}
  {%- set partition_by = config.get('partition_by') -%}
  {%- if partition_by -%}
    {%- if 'partitioning' in props -%}
      {%- do exceptions.raise_compiler_error("set either config 'partition_by' or properties.partitioning, not both") -%}
    {%- endif -%}
    {%- do props.update({'partitioning': trino__property_value(trino__partition_fields(partition_by))}) -%}
  {%- endif -%}
  {%- if 'location' in props and relation.identifier.endswith('__dbt_tmp') -%}
    {#- a table built beside the real one must not share its files -#}
    {%- do props.update({'location': props['location'][:-1] ~ "__dbt_tmp'"}) -%}
  {%- endif -%}
  {%- if props %}
  with ({% for key, value in props.items() %}{{ key }} = {{ value }}{{ ", " if not loop.last }}{% endfor %})
  {%- endif -%}
{%- endmacro %}

{% macro trino__property_value(value) -%}
  {%- if value is string -%}
    {%- set text = value | trim -%}
    {%- if text.startswith("'") or text.upper().startswith('ARRAY[') or text.upper().startswith('MAP(')
          or text.lower() in ['true', 'false'] or modules.re.match('^-?[0-9]+(\\.[0-9]+)?$', text) -%}
      {{- text -}}
    {%- else -%}
      '{{ text | replace("'", "''") }}'
    {%- endif -%}
  {%- elif value is mapping -%}
    {%- do exceptions.raise_compiler_error("a table property's value cannot be a map: " ~ value) -%}
  {%- elif value is sequence -%}
    ARRAY[{% for item in value %}'{{ item | string | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor %}]
  {%- else -%}
    {{- value | string | lower -}}
  {%- endif -%}
{%- endmacro %}

{#- Iceberg partition fields (as a list of text) for dbt's partition_by forms. -#}
{% macro trino__partition_fields(partition_by) -%}
  {%- set specs = [partition_by] if (partition_by is string or partition_by is mapping) else partition_by -%}
  {%- set fields = [] -%}
  {%- for spec in specs -%}
    {%- if spec is mapping -%}
      {%- set column = trino__partition_column(spec.get('field')) -%}
      {%- set granularity = (spec.get('granularity') or '') | lower -%}
      {%- if granularity in ['hour', 'day', 'month', 'year'] -%}
        {%- do fields.append(granularity ~ '(' ~ column ~ ')') -%}
      {%- elif granularity -%}
        {%- do exceptions.raise_compiler_error("partition_by granularity must be hour, day, month or year, got '" ~ granularity ~ "'") -%}
      {%- else -%}
        {%- do fields.append(column) -%}
      {%- endif -%}
    {%- else -%}
      {%- do fields.append(trino__partition_column(spec)) -%}
    {%- endif -%}
  {%- endfor -%}
  {{- return(fields) -}}
{%- endmacro %}

{% macro trino__partition_column(name) -%}
  {%- if not name -%}
    {%- do exceptions.raise_compiler_error("partition_by needs a 'field'") -%}
  {%- endif -%}
  {%- set text = name | string | trim -%}
  {{- return(text if modules.re.match('^[a-z_][a-z0-9_]*$', text) else adapter.quote(text)) -}}
{%- endmacro %}
