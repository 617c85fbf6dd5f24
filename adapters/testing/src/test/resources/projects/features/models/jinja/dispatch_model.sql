select '{{ features_greeting() }}' as dispatched_to
