

{#- a leading comment -#}
select 1 as id, -- the first column
	{{ label_of("x") }} as label
