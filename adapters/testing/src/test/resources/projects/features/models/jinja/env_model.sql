select '{{ env_var("SMELT_FEATURES_ENV", "env_default") }}' as env_value
