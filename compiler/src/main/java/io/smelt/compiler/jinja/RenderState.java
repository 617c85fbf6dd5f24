package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.Context;

import java.util.HashMap;
import java.util.Map;

/** One render: its globals and, per package, the scope that resolves unqualified macro names. */
final class RenderState {
    final DbtJinjava jinjava;
    final MacroRegistry registry;
    private final Scope globals;
    private final Map<String, Object> overrides = new HashMap<>();
    private final Map<String, PackageScope> packages = new HashMap<>(4);

    RenderState(DbtJinjava jinjava, MacroRegistry registry, Map<String, Object> globals) {
        this.jinjava = jinjava;
        this.registry = registry;
        this.globals = new Scope(jinjava.sharedScope(), globals);
        Map<String, Map<String, Object>> qualified = new HashMap<>();
        globals.forEach((name, value) -> {
            if (value instanceof MacroOverride) {
                int dot = name.indexOf('.');
                if (dot > 0) {
                    // dbt replaces the macro inside the package's namespace: pkg.name(...) returns the value
                    qualified.computeIfAbsent(name.substring(0, dot), p -> new HashMap<>()).put(name.substring(dot + 1), value);
                }
                else {
                    overrides.put(name, value);
                }
            }
        });
        qualified.forEach((pkg, macros) -> overrides.put(pkg, new OverriddenNamespace(registry, pkg, macros)));
    }

    /** A render global as given, before any package's macros of the same name hide it. */
    Object global(String name) {
        return globals.get(name);
    }

    Context packageScope(String packageName) {
        return packages.computeIfAbsent(packageName, p -> new PackageScope(globals, registry.namesFor(p), overrides));
    }

    DbtInterpreter newInterpreter(Context context) {
        return new DbtInterpreter(jinjava, context, jinjava.getGlobalConfig(), this);
    }

    /** Names visible to a package: its macros, the root's, the internal packages', and package namespaces. */
    static final class PackageScope extends Scope {
        private final Map<String, Object> names;
        private final Map<String, Object> overrides;

        PackageScope(Context parent, Map<String, Object> names, Map<String, Object> overrides) {
            super(parent);
            this.names = names;
            this.overrides = overrides;
        }

        @Override
        Object lookupExtra(String name) {
            Object v = overrides.isEmpty() ? null : overrides.get(name);
            if (v instanceof OverriddenNamespace && !(names.get(name) instanceof MacroRegistry.PackageNamespace)) {
                v = null;
            }
            if (v == null) {
                v = names.get(name);
            }
            return v == null ? Names.MISSING : v;
        }
    }

    /** A package's macros as {@code pkg.name} sees them in a unit test that overrides some of them. */
    record OverriddenNamespace(MacroRegistry registry, String name, Map<String, Object> overridden) implements JinjaObject {
        @Override
        public Object attribute(String attribute) {
            Object value = overridden.get(attribute);
            return value != null ? value : registry.macro(name, attribute);
        }

        @Override
        public String toString() {
            return "<package " + name + ">";
        }
    }
}
