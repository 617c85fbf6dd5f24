select 'p_yaml' as model_name
