package io.smelt.adapter.spark;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.TargetConfig;

/** Serves profiles of {@code type: spark}; see {@link SparkConfig} for the fields. */
public final class SparkAdapterFactory implements AdapterFactory {
    @Override
    public String type() {
        return "spark";
    }

    @Override
    public Adapter create(TargetConfig target) {
        return new SparkAdapter(SparkConfig.parse(target), target.secretValues());
    }
}
