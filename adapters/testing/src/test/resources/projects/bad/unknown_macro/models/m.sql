select
    1 as id,
    {{ no_such_macro() }} as other
