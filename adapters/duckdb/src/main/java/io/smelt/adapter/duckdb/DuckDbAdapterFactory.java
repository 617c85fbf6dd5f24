package io.smelt.adapter.duckdb;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.TargetConfig;

/** Serves profiles of {@code type: duckdb}. */
public final class DuckDbAdapterFactory implements AdapterFactory {
    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public Adapter create(TargetConfig target) {
        return new DuckDbAdapter(DuckDbConfig.parse(target), target.secretValues());
    }
}
