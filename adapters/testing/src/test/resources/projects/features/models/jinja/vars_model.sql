select
    '{{ var("greeting") }}' as project_var,
    {{ var('answer') }} as project_number,
    '{{ var("not_defined_anywhere", "fallback") }}' as defaulted_var
