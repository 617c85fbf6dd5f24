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
    private final String renderPackage;

    /** @param renderPackage the package of the node (or caller) being rendered */
    RenderState(DbtJinjava jinjava, MacroRegistry registry, Map<String, Object> globals, String renderPackage) {
        this.jinjava = jinjava;
        this.registry = registry;
        this.renderPackage = renderPackage;
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

    String renderPackage() {
        return renderPackage;
    }

    /** Makes {@code name} a global of this render ({@code context.update(...)}); returns what it was. */
    Object putGlobal(String name, Object value) {
        return globals.put(name, value);
    }

    /** This render's globals as they are now. */
    Map<String, Object> globals() {
        return globals.getScope();
    }

    Context packageScope(String packageName) {
        return packages.computeIfAbsent(packageName, p -> new PackageScope(globals, registry.namesFor(p), overrides,
                p == null || p.equals(renderPackage) || p.equals(registry.rootPackage()) ? null : p));
    }

    DbtInterpreter newInterpreter(Context context) {
        return new DbtInterpreter(jinjava, context, jinjava.getGlobalConfig(), this);
    }

    /**
     * Names visible to a package: its macros, the root's, the internal packages', and package namespaces.
     * As in dbt, a package's macro named as a member of the context ({@code ref}, {@code source}) takes
     * its place only for the package's own nodes: inside the package's macros, rendering another
     * package's node, {@code ref} is still dbt's (dbt-unit-testing defines a {@code ref} macro and calls
     * {@code ref} in its own macros).
     */
    static final class PackageScope extends Scope {
        private final Map<String, Object> names;
        private final Map<String, Object> overrides;
        private final String foreignPackage;

        /** @param foreignPackage the package, when it is neither the root nor the rendered node's, else null */
        PackageScope(Context parent, Map<String, Object> names, Map<String, Object> overrides, String foreignPackage) {
            super(parent);
            this.names = names;
            this.overrides = overrides;
            this.foreignPackage = foreignPackage;
        }

        @Override
        Object lookupExtra(String name) {
            Object v = overrides.isEmpty() ? null : overrides.get(name);
            if (v instanceof OverriddenNamespace && !(names.get(name) instanceof MacroRegistry.PackageNamespace)) {
                v = null;
            }
            if (v == null) {
                v = names.get(name);
                if (foreignPackage != null && v instanceof DbtMacro macro && foreignPackage.equals(macro.packageName())
                        && getParent().get(name) != null) {
                    return Names.MISSING;
                }
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
