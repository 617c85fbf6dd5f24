select 1 as thing_id, 'widget' as thing_name
union all
select 2 as thing_id, 'gadget' as thing_name
