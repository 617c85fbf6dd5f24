{% set spines = graph.nodes.values() | selectattr("resource_type", "equalto", "model")
     | rejectattr("time_spine", "none") | map(attribute="name") | join(",") %}
{% set spine = graph.nodes.get("model.graph_fields.spine", {}).get("time_spine", {}) %}
{% set source = graph.sources.get("source.graph_fields.raw.events", {}) %}
{% set tests = graph.nodes.values() | selectattr("resource_type", "equalto", "test")
     | selectattr("test_metadata.name", "equalto", "unique") | list %}
{% set column = graph.nodes.get("model.graph_fields.spine", {}).get("columns", {}).get("date_day", {}) %}
select
  '{{ spines }}|{{ spine.get("standard_granularity_column") }}|{{ (spine.get("custom_granularities") or []) | length }}' as time_spines,
  '{{ source.get("source_description") }}|{{ source.get("loader") }}|{{ source.get("source_meta", {}).get("team") }}' as source_fields,
  '{{ tests[0].depends_on.macros | join(",") if tests else "" }}' as test_macros,
  '{{ column.get("constraints", []) | map(attribute="type") | join(",") }}|{{ (column.get("constraints", []) | first or {}).get("warn_unenforced") }}' as column_constraints
  , '{% for e in graph.exposures.values() %}{{ e.unique_id }}|{{ e.type }}|{{ e.maturity }}|{{ e.owner.email }}|{{ e.meta.tier }}|{{ e.tags | join(",") }}|{{ e.depends_on.nodes | join(",") }}{% endfor %}' as exposures
