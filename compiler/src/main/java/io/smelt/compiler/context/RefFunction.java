package io.smelt.compiler.context;

import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ref}: callable, and like dbt's ref resolver it carries the run's {@code config} (dbt's
 * RuntimeConfig), which packages read as {@code builtins.ref.config}.
 */
final class RefFunction implements JinjaFunction, JinjaObject {
    private final JinjaFunction ref;
    private final Supplier<Object> config;

    RefFunction(JinjaFunction ref, Supplier<Object> config) {
        this.ref = ref;
        this.config = config;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
        return ref.call(args, kwargs);
    }

    @Override
    public Object attribute(String name) {
        return name.equals("config") ? config.get() : null;
    }
}
