package io.smelt.compiler.jinja;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** dbt's {@code toyaml}/{@code fromyaml} (PyYAML safe_dump/safe_load, block style). */
final class Yaml {
    private Yaml() {
    }

    static Object parse(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(100_000);  // PyYAML has no limit
            return convert(new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).load(text));
        } catch (YAMLException e) {
            throw new PyException("YAMLError: " + e.getMessage());
        }
    }

    static String dump(Object value, boolean sortKeys) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        return new org.yaml.snakeyaml.Yaml(options).dump(plain(value, sortKeys));
    }

    private static Object plain(Object v, boolean sort) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = sort ? new TreeMap<>() : new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, plain(x, sort)));
            return out;
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(x -> out.add(plain(x, sort)));
            return out;
        }
        if (v instanceof Undefined) {
            return null;
        }
        return v instanceof String || v instanceof Number || v instanceof Boolean || v == null ? v : PyStr.str(v);
    }

    private static Object convert(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(convert(k), convert(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(convert(x)));
            return out;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return PyOps.normalizeBig(b);
        }
        return v;
    }
}
