package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every package's macros and dbt's rules for finding one: by package, unqualified, and by dispatch. */
final class MacroRegistry {
    /** Macros of dbt's global project that the compiler provides as Java globals. */
    private static final Set<String> JAVA_MACROS = Set.of("run_query", "is_incremental", "should_full_refresh",
            "should_store_failures", "load_relation");

    private final JinjaEngine.Options options;
    private final Map<String, Map<String, DbtMacro>> byPackage;
    private final Map<String, Map<String, Object>> views = new ConcurrentHashMap<>();

    MacroRegistry(JinjaEngine.Options options, Map<String, Map<String, DbtMacro>> byPackage) {
        this.options = options;
        this.byPackage = byPackage;
    }

    Map<String, Map<String, DbtMacro>> all() {
        return byPackage;
    }

    DbtMacro macro(String packageName, String name) {
        Map<String, DbtMacro> macros = byPackage.get(packageName);
        return macros == null ? null : macros.get(name);
    }

    String rootPackage() {
        return options.rootPackage();
    }

    /**
     * What unqualified names mean inside a package: its macros, then the root's, then the internal packages'
     * (inside an internal package: the root's, then the internal packages', the engine's first).
     */
    Map<String, Object> namesFor(String packageName) {
        return views.computeIfAbsent(packageName == null ? options.rootPackage() : packageName, p -> {
            Map<String, Object> names = new LinkedHashMap<>();
            Set<String> packages = new LinkedHashSet<>(byPackage.keySet());
            packages.addAll(options.internalPackages());
            packages.add(options.rootPackage());
            for (String pkg : packages) {
                names.put(pkg, new PackageNamespace(this, pkg));
            }
            List<String> internal = new ArrayList<>(options.internalPackages());
            Collections.reverse(internal);
            for (String pkg : internal) {
                names.putAll(byPackage.getOrDefault(pkg, Map.of()));
            }
            names.putAll(byPackage.getOrDefault(options.rootPackage(), Map.of()));
            // as dbt: inside dbt's own macros the root project's macro of a name wins (a project's
            // alter_relation_comment is the one persist_docs calls); a package's own macros win inside it
            if (!options.internalPackages().contains(p)) {
                names.putAll(byPackage.getOrDefault(p, Map.of()));
            }
            return Collections.unmodifiableMap(names);
        });
    }

    /** {@code name} or {@code pkg.name} as seen from a package, or null. */
    DbtMacro lookup(String callingPackage, String name) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            return macro(name.substring(0, dot), name.substring(dot + 1));
        }
        return namesFor(callingPackage).get(name) instanceof DbtMacro m ? m : null;
    }

    DbtMacro dispatch(String macroName, String namespace) {
        List<String> packages = dispatchPackages(namespace);
        List<String> prefixes = new ArrayList<>(options.dispatchPrefixes());
        prefixes.add("default");
        List<String> tried = new ArrayList<>();
        for (String pkg : packages) {
            for (String prefix : prefixes) {
                String candidate = prefix + "__" + macroName;
                DbtMacro m = pkg == null ? unqualified(candidate) : macro(pkg, candidate);
                if (m != null) {
                    return m;
                }
                tried.add(pkg == null ? candidate : pkg + "." + candidate);
            }
        }
        throw new SmeltException(ErrorKind.JINJA, Frames.position(),
                "No macro named '" + macroName + "' found within namespace: '" + namespace + "'"
                        + " (searched for " + String.join(", ", tried) + ")",
                Frames.hint());
    }

    private List<String> dispatchPackages(String namespace) {
        if (namespace == null) {
            List<String> all = new ArrayList<>();
            all.add(options.rootPackage());
            byPackage.keySet().stream().sorted()
                    .filter(p -> !p.equals(options.rootPackage()) && !options.internalPackages().contains(p))
                    .forEach(all::add);
            all.addAll(options.internalPackages());
            return all;
        }
        List<String> order = options.dispatchSearchOrder().get(namespace);
        if (order != null) {
            // 'dbt' in a search order means dbt's global macros: the engine's and the built-in ones
            List<String> expanded = new ArrayList<>();
            for (String pkg : order) {
                if (pkg.equals("dbt")) {
                    expanded.addAll(options.internalPackages());
                }
                else {
                    expanded.add(pkg);
                }
            }
            return expanded;
        }
        if (!isProject(namespace)) {
            // As dbt: a namespace that names no project is searched as unqualified names are (null)
            List<String> unqualified = new ArrayList<>();
            unqualified.add(null);
            return unqualified;
        }
        // As dbt: with no dispatch: config, the root project comes first, so a project can override
        // a package's (or dbt's own) implementation for its engine.
        List<String> packages = new ArrayList<>();
        if (!namespace.equals(options.rootPackage()) && (namespace.equals("dbt") || byPackage.containsKey(namespace))) {
            packages.add(options.rootPackage());
        }
        packages.addAll(namespace.equals("dbt") ? options.internalPackages() : List.of(namespace));
        return packages;
    }

    private boolean isProject(String name) {
        return name.equals("dbt") || name.equals(options.rootPackage()) || byPackage.containsKey(name)
                || options.internalPackages().contains(name);
    }

    /** An unqualified name as dbt resolves it for dispatch: from the package of the node being rendered. */
    private DbtMacro unqualified(String name) {
        Frames.Frame node = Frames.outermost();
        return namesFor(node == null ? null : node.packageName()).get(name) instanceof DbtMacro m ? m : null;
    }

    /**
     * {@code pkg} in templates: its macros as attributes ({@code dbt_utils.star(...)}). As in dbt,
     * {@code dbt.x} reaches every internal package (the engine's first) and the global macros Smelt
     * implements in Java ({@code dbt.run_query}, {@code dbt.is_incremental}).
     */
    record PackageNamespace(MacroRegistry registry, String name) implements JinjaObject {
        @Override
        public Object attribute(String attribute) {
            if (!name.equals("dbt")) {
                return registry.macro(name, attribute);
            }
            for (String pkg : registry.options.internalPackages()) {
                DbtMacro m = registry.macro(pkg, attribute);
                if (m != null) {
                    return m;
                }
            }
            // the global itself: a package's own macro of that name (elementary.run_query calls
            // dbt.run_query) must not answer for dbt's
            return JAVA_MACROS.contains(attribute) && JinjavaInterpreter.getCurrent() instanceof DbtInterpreter current
                    && current.state != null ? current.state.global(attribute) : null;
        }

        @Override
        public String toString() {
            return "<package " + name + ">";
        }
    }
}
