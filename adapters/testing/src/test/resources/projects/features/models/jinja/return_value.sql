select
    {{ double(21) }} as doubled,
    '{{ first_letters(["alpha", "beta", "gamma"]) | join("") }}' as initials
