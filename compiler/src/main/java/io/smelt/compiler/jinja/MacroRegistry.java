package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every loaded macro by package, and dbt's rules for finding one: an unqualified name from package P
 * looks in P, then the root package, then the internal packages in order; {@code pkg.name} reaches
 * any package ({@code dbt.name} every internal package).
 */
final class MacroRegistry {
    private final String root;
    private final List<String> internal;
    private final Map<String, Map<String, MacroValue>> byPackage = new LinkedHashMap<>();
    private final Map<String, PackageNamespace> namespaces = new LinkedHashMap<>();

    MacroRegistry(String root, List<String> internal) {
        this.root = root;
        this.internal = internal;
    }

    /** A package's macros as the attributes of one object ({@code dbt_utils.star}). */
    static final class PackageNamespace implements PyObject {
        private final String name;
        private final List<Map<String, MacroValue>> sources;

        PackageNamespace(String name, List<Map<String, MacroValue>> sources) {
            this.name = name;
            this.sources = sources;
        }

        @Override
        public Object getAttr(String attr) {
            for (Map<String, MacroValue> s : sources) {
                MacroValue v = s.get(attr);
                if (v != null) {
                    return v;
                }
            }
            return Undefined.withMessage("'" + name + "' has no attribute '" + attr + "'");
        }

        @Override
        public String typeName() {
            return "Namespace";
        }

        @Override
        public String toString() {
            return "<package " + name + ">";
        }
    }

    /** Adds a macro; returns the one it replaced in the same package, if any. */
    MacroValue add(MacroValue macro) {
        return byPackage.computeIfAbsent(macro.pkg, p -> new LinkedHashMap<>()).put(macro.def.name, macro);
    }

    void seal() {
        internal.forEach(p -> byPackage.computeIfAbsent(p, x -> new LinkedHashMap<>()));
        byPackage.computeIfAbsent(root, x -> new LinkedHashMap<>());
        for (String p : byPackage.keySet()) {
            namespaces.put(p, new PackageNamespace(p, List.of(byPackage.get(p))));
        }
        if (internal.contains("dbt")) {
            List<Map<String, MacroValue>> all = new ArrayList<>();
            internal.forEach(p -> all.add(byPackage.get(p)));
            namespaces.put("dbt", new PackageNamespace("dbt", all));
        }
    }

    MacroValue find(String pkg, String name) {
        Map<String, MacroValue> m = byPackage.get(pkg);
        return m == null ? null : m.get(name);
    }

    /** A name as template code sees it: a macro by dbt's search order, else a package namespace, else null. */
    Object lookup(String callingPackage, String name) {
        MacroValue v = find(callingPackage, name);
        if (v != null) {
            return v;
        }
        if (!root.equals(callingPackage)) {
            v = find(root, name);
            if (v != null) {
                return v;
            }
        }
        for (int i = 0; i < internal.size(); i++) {
            v = find(internal.get(i), name);
            if (v != null) {
                return v;
            }
        }
        return namespaces.get(name);
    }

    /** {@code name} or {@code pkg.name} as seen from a package; null when there is no such macro. */
    MacroValue lookupMacro(String callingPackage, String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return lookup(callingPackage, name) instanceof MacroValue m ? m : null;
        }
        PackageNamespace ns = namespaces.get(name.substring(0, dot));
        return ns != null && ns.getAttr(name.substring(dot + 1)) instanceof MacroValue m ? m : null;
    }

    /** Packages in global search order: root, then installed packages, then internal ones. */
    List<String> globalOrder() {
        List<String> order = new ArrayList<>();
        order.add(root);
        for (String p : byPackage.keySet()) {
            if (!p.equals(root) && !internal.contains(p)) {
                order.add(p);
            }
        }
        order.addAll(internal);
        return order;
    }

    List<String> internal() {
        return internal;
    }

    Map<String, Map<String, MacroValue>> all() {
        return byPackage;
    }
}
