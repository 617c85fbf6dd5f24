package io.smelt.adapter.duckdb;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.TargetConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Serves profiles of {@code type: duckdb}, and projects with no profile at all. */
public final class DuckDbAdapterFactory implements AdapterFactory {
    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public Adapter create(TargetConfig target) {
        return new DuckDbAdapter(DuckDbConfig.parse(target), target.secretValues());
    }

    /** A file {@code <target>/<project>.duckdb}, schema {@code main}, one thread per core. */
    @Override
    public Optional<Map<String, Object>> implicitTarget(Path targetPath, String projectName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type());
        fields.put("path", targetPath.resolve(projectName + ".duckdb").toString());
        fields.put("schema", "main");
        fields.put("threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
        return Optional.of(fields);
    }
}
