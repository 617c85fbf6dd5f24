package io.smelt.adapter.trino;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.TargetConfig;

/** Serves profiles of {@code type: trino}; see {@link TrinoConfig} for the fields. */
public final class TrinoAdapterFactory implements AdapterFactory {
    @Override
    public String type() {
        return "trino";
    }

    @Override
    public Adapter create(TargetConfig target) {
        return new TrinoAdapter(TrinoConfig.parse(target), target.secretValues());
    }
}
