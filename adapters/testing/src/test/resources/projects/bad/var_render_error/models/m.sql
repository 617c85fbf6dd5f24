select '{{ var("last_run") }}' as last_run
